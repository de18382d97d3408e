/* Unit tests for the seven steps' rules (cgi-bin/db/complaint_rules.h):
 * which action each step's state allows and for whom, and step 4's
 * remedies and amounts. The public form's rules: test_complaint_public_rules.c;
 * the conversions the complaint pages show: test_complaint_conversions.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "db/complaint_rules.h"

static struct user staff = { .id = 10, .role = ROLE_STAFF };
static struct user leader = { .id = 20, .role = ROLE_LEADER };
static struct user leader2 = { .id = 21, .role = ROLE_LEADER };
static struct user rm = { .id = 30, .role = ROLE_RM };
static struct user admin = { .id = 1, .role = ROLE_ADMIN };

static void test_record_only_the_current_step(void **state)
{
  (void)state;
  struct complaint_state s = { .step = 2 };
  assert_int_equal(complaint_rule_check(&s, ACT_RECORD, 2, &staff), RULE_OK);
  assert_int_equal(complaint_rule_check(&s, ACT_RECORD, 2, &admin), RULE_OK);
  assert_int_equal(complaint_rule_check(&s, ACT_RECORD, 1, &staff), RULE_ORDER);  /* repeat */
  assert_int_equal(complaint_rule_check(&s, ACT_RECORD, 3, &staff), RULE_ORDER);  /* skip */
  assert_int_equal(complaint_rule_check(&s, ACT_RECORD, 2, &rm), RULE_OFFICE_ONLY);
  s.closed = 1;
  assert_int_equal(complaint_rule_check(&s, ACT_RECORD, 2, &staff), RULE_ORDER);
  /* Steps 4 and 7 are not "recorded": approval and closing move them on. */
  struct complaint_state four = { .step = 4 }, seven = { .step = 7 };
  assert_int_equal(complaint_rule_check(&four, ACT_RECORD, 4, &staff), RULE_ORDER);
  assert_int_equal(complaint_rule_check(&seven, ACT_RECORD, 7, &staff), RULE_ORDER);
}

static void test_proposal_and_decision(void **state)
{
  (void)state;
  struct complaint_state s = { .step = 4 };
  assert_int_equal(complaint_rule_check(&s, ACT_PROPOSE, 4, &staff), RULE_OK);
  assert_int_equal(complaint_rule_check(&s, ACT_DECIDE, 4, &leader), RULE_NO_PROPOSAL);
  s.pending_by = staff.id;
  assert_int_equal(complaint_rule_check(&s, ACT_PROPOSE, 4, &staff), RULE_PENDING);
  assert_int_equal(complaint_rule_check(&s, ACT_DECIDE, 4, &staff), RULE_LEADER_ONLY);
  assert_int_equal(complaint_rule_check(&s, ACT_DECIDE, 4, &admin), RULE_LEADER_ONLY);
  assert_int_equal(complaint_rule_check(&s, ACT_DECIDE, 4, &rm), RULE_OFFICE_ONLY);
  assert_int_equal(complaint_rule_check(&s, ACT_DECIDE, 4, &leader), RULE_OK);
  s.pending_by = leader.id;
  assert_int_equal(complaint_rule_check(&s, ACT_DECIDE, 4, &leader), RULE_OWN_PROPOSAL);
  assert_int_equal(complaint_rule_check(&s, ACT_DECIDE, 4, &leader2), RULE_OK);
  struct complaint_state three = { .step = 3, .pending_by = 10 };
  assert_int_equal(complaint_rule_check(&three, ACT_DECIDE, 4, &leader), RULE_ORDER);
  assert_int_equal(complaint_rule_check(&three, ACT_PROPOSE, 3, &staff), RULE_ORDER);
}

static void test_follow_up_close_reopen(void **state)
{
  (void)state;
  struct complaint_state s = { .step = 7 };
  assert_int_equal(complaint_rule_check(&s, ACT_CLOSE, 7, &staff), RULE_NEED_FOLLOWUP);
  assert_int_equal(complaint_rule_check(&s, ACT_FOLLOWUP, 7, &staff), RULE_OK);
  assert_int_equal(complaint_rule_check(&s, ACT_REOPEN, 7, &staff), RULE_ORDER);  /* open */
  s.followups = 1;
  assert_int_equal(complaint_rule_check(&s, ACT_CLOSE, 7, &staff), RULE_OK);
  s.closed = 1;
  assert_int_equal(complaint_rule_check(&s, ACT_CLOSE, 7, &staff), RULE_ORDER);
  assert_int_equal(complaint_rule_check(&s, ACT_FOLLOWUP, 7, &staff), RULE_ORDER);
  assert_int_equal(complaint_rule_check(&s, ACT_REOPEN, 7, &staff), RULE_OK);
  assert_int_equal(complaint_rule_check(&s, ACT_REOPEN, 7, &rm), RULE_OFFICE_ONLY);
  struct complaint_state six = { .step = 6 };
  assert_int_equal(complaint_rule_check(&six, ACT_FOLLOWUP, 7, &staff), RULE_ORDER);
  assert_int_equal(complaint_rule_check(&six, ACT_CLOSE, 7, &staff), RULE_ORDER);
}

static void test_amounts(void **state)
{
  (void)state;
  assert_true(complaint_amount_ok("refund", "100"));
  assert_true(complaint_amount_ok("compensation", "0.01"));
  assert_false(complaint_amount_ok("refund", "0"));
  assert_false(complaint_amount_ok("compensation", "0.00"));
  assert_true(complaint_amount_ok("repair", "0"));
  assert_true(complaint_amount_ok("explanation", "0.00"));
  assert_false(complaint_amount_ok("replace", "-1"));
  assert_false(complaint_amount_ok("refund", "1.234"));
  assert_false(complaint_amount_ok("refund", "abc"));
  assert_true(complaint_amount_positive("0.50"));
  assert_false(complaint_amount_positive("0.00"));
  assert_false(complaint_amount_positive(""));
}

/* The source's answers to a price complaint are offered for price only. */
static void test_remedies_by_reason(void **state)
{
  (void)state;
  assert_true(complaint_remedy_offered("quality", "refund"));
  assert_true(complaint_remedy_offered("price", "refund"));
  assert_true(complaint_remedy_offered("price", "price_check"));
  assert_true(complaint_remedy_offered("price", "reexplain"));
  assert_true(complaint_remedy_offered("price", "apology_gift"));
  assert_false(complaint_remedy_offered("quality", "price_check"));
  assert_false(complaint_remedy_offered("service", "apology_gift"));
  assert_false(complaint_remedy_offered(NULL, "reexplain"));
  assert_false(complaint_remedy_offered("price", "discount"));
  assert_true(complaint_amount_ok("apology_gift", "0"));
  assert_true(complaint_amount_ok("apology_gift", "30"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_record_only_the_current_step),
    cmocka_unit_test(test_proposal_and_decision),
    cmocka_unit_test(test_follow_up_close_reopen),
    cmocka_unit_test(test_amounts),
    cmocka_unit_test(test_remedies_by_reason),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
