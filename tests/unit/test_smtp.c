/* Unit tests for cgi-bin/core/smtp.h: the message text (RFC 2047 subjects,
 * CRLF, long lines), dot-stuffing, header injection refused, and the SMTP
 * dialogue against a scripted server on a socketpair. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/err.h"
#include "core/smtp.h"

static struct smtp_mail mail(const char *subject, const char *body)
{
  return (struct smtp_mail){
    .from = "kehu@example.com", .from_name = "恒泰电器 客户服务中心",
    .to = "li@example.com", .subject = subject, .body = body,
    .message_id = "1.1765000000@kehu", .date = "Mon, 07 Dec 2026 08:00:00 +0800",
  };
}

/* The message for m into buf, or NULL when refused. */
static const char *message(const struct smtp_mail *m)
{
  static char buf[8192];
  STRING s;
  string_init(&s);
  NEOERR *err = smtp_message(m, &s);
  if (err) { nerr_ignore(&err); string_clear(&s); return NULL; }
  snprintf(buf, sizeof buf, "%s", s.buf);
  string_clear(&s);
  return buf;
}

static void test_utf8_subject_encoded(void **state)
{
  (void)state;
  struct smtp_mail m = mail("您的投诉 TS20261207-0001 已受理", "x");
  const char *msg = message(&m);
  assert_non_null(msg);
  /* base64 of the UTF-8 bytes, never the raw bytes in a header */
  assert_non_null(strstr(msg, "Subject: =?UTF-8?B?5oKo55qE5oqV6K+JIFRTMjAyNjEyMDctMDAwMSDlt7Llj5fnkIY=?=\r\n"));
  assert_non_null(strstr(msg, "From: =?UTF-8?B?"));
  assert_non_null(strstr(msg, "<kehu@example.com>\r\nTo: <li@example.com>\r\n"));
  const char *hdr_end = strstr(msg, "\r\n\r\n");
  assert_non_null(hdr_end);
  for (const char *p = msg; p < hdr_end; p++) assert_true((unsigned char)*p < 0x80);
  /* plain ASCII stays readable */
  m.subject = "Complaint TS20261207-0001";
  assert_non_null(strstr(message(&m), "Subject: Complaint TS20261207-0001\r\n"));
}

static void test_long_subject_folds_on_characters(void **state)
{
  (void)state;
  char subject[400] = "";
  for (int i = 0; i < 40; i++) strcat(subject, "投诉");   /* 240 bytes */
  STRING s;
  string_init(&s);
  assert_null(smtp_encode_word(subject, &s));
  /* 45 bytes (15 characters) per word, so 6 words, folded */
  int words = 0;
  for (const char *p = s.buf; (p = strstr(p, "=?UTF-8?B?")); p++) words++;
  assert_int_equal(words, 6);
  for (char *line = strtok(s.buf, "\n"); line; line = strtok(NULL, "\n"))
    assert_true(strlen(line) <= 76);
  string_clear(&s);
}

static void test_body_crlf_and_long_lines(void **state)
{
  (void)state;
  struct smtp_mail m = mail("s", "一\n二\r三\r\n四");
  const char *msg = message(&m);
  assert_non_null(strstr(msg, "\r\n\r\n一\r\n二\r\n三\r\n四\r\n"));
  char body[3200] = "";
  for (int i = 0; i < 1000; i++) strcat(body, "长");       /* 3000 bytes, one line */
  m.body = body;
  msg = message(&m);
  const char *b = strstr(msg, "\r\n\r\n") + 4;
  int lines = 0;
  for (const char *p = b; *p;) {
    const char *e = strstr(p, "\r\n");
    assert_non_null(e);
    assert_true(e - p <= SMTP_LINE_MAX);
    assert_int_equal((e - p) % 3, 0);                        /* whole characters */
    lines++;
    p = e + 2;
  }
  assert_int_equal(lines, 4);
}

static void test_header_injection_refused(void **state)
{
  (void)state;
  struct smtp_mail m = mail("hello\r\nBcc: victim@example.com", "x");
  assert_null(message(&m));
  m = mail("hello\nBcc: victim@example.com", "x");
  assert_null(message(&m));
  m = mail("ok", "x");
  m.from_name = "客服\rBcc: victim@example.com";
  assert_null(message(&m));
  m = mail("ok", "x");
  m.to = "li@example.com\r\nBcc: victim@example.com";
  assert_null(message(&m));
  m.to = "<li@example.com>";
  assert_null(message(&m));
  /* the body may hold anything: it is not a header */
  m = mail("ok", "Bcc: not-a-header@example.com\r\n");
  const char *msg = message(&m);
  assert_non_null(msg);
  assert_true(strstr(msg, "Bcc:") > strstr(msg, "\r\n\r\n"));
}

static void test_dot_stuffing(void **state)
{
  (void)state;
  STRING s;
  string_init(&s);
  assert_null(smtp_data(".first\r\nmid.dle\r\n.\r\n..two\r\nend", &s));
  assert_string_equal(s.buf, "..first\r\nmid.dle\r\n..\r\n...two\r\nend\r\n.\r\n");
  string_clear(&s);
  string_init(&s);
  assert_null(smtp_data("a\r\n", &s));
  assert_string_equal(s.buf, "a\r\n.\r\n");
  string_clear(&s);
}

/* A scripted server: answers each line the client sends with the next
 * reply, after the greeting; records everything it received. */
struct server {
  int fd;
  const char *replies[12];
  char got[8192];
};

static void *serve(void *arg)
{
  struct server *sv = arg;
  size_t have = 0;
  int next = 0, in_data = 0;
  const char *greet = sv->replies[next++];
  if (send(sv->fd, greet, strlen(greet), MSG_NOSIGNAL) < 0) return NULL;
  char line[2048];
  size_t ll = 0;
  char c;
  while (read(sv->fd, &c, 1) == 1) {
    if (have < sizeof sv->got - 1) sv->got[have++] = c;
    if (ll < sizeof line - 1) line[ll++] = c;
    if (c != '\n') continue;
    line[ll] = '\0';
    int answer = !in_data || strcmp(line, ".\r\n") == 0;
    if (in_data && answer) in_data = 0;
    ll = 0;
    if (!answer) continue;
    const char *r = sv->replies[next++];
    if (!r) break;
    if (strncmp(r, "354", 3) == 0) in_data = 1;
    if (send(sv->fd, r, strlen(r), MSG_NOSIGNAL) < 0) break;
    if (strncmp(r, "221", 3) == 0) break;
  }
  close(sv->fd);
  return NULL;
}

static NEOERR *talk(struct server *sv, const char *msg, int *permanent)
{
  int fds[2];
  assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  sv->fd = fds[1];
  pthread_t t;
  pthread_create(&t, NULL, serve, sv);
  NEOERR *err = smtp_dialogue(fds[0], "kehu.local", "kehu@example.com", "li@example.com", msg,
                              5, permanent);
  close(fds[0]);
  pthread_join(t, NULL);
  return err;
}

static void test_dialogue(void **state)
{
  (void)state;
  struct server sv = { .replies = {
    "220 sink ready\r\n", "250-sink\r\n250-8BITMIME\r\n250 SIZE 1000000\r\n", "250 ok\r\n",
    "250 ok\r\n", "354 go on\r\n", "250 queued as 1\r\n", "221 bye\r\n", NULL } };
  int permanent = 1;
  NEOERR *err = talk(&sv, "Subject: x\r\n\r\n.hidden\r\nbody\r\n", &permanent);
  assert_null(err);
  assert_int_equal(permanent, 0);
  assert_string_equal(sv.got,
                      "EHLO kehu.local\r\nMAIL FROM:<kehu@example.com>\r\n"
                      "RCPT TO:<li@example.com>\r\nDATA\r\n"
                      "Subject: x\r\n\r\n..hidden\r\nbody\r\n.\r\nQUIT\r\n");
}

static void test_dialogue_helo_fallback_and_refusals(void **state)
{
  (void)state;
  struct server old = { .replies = {
    "220 old\r\n", "502 what\r\n", "250 hi\r\n", "250 ok\r\n", "250 ok\r\n", "354 go\r\n",
    "250 ok\r\n", "221 bye\r\n", NULL } };
  int permanent;
  NEOERR *err = talk(&old, "a\r\n", &permanent);
  assert_null(err);
  assert_non_null(strstr(old.got, "EHLO kehu.local\r\nHELO kehu.local\r\n"));

  struct server busy = { .replies = { "220 x\r\n", "250 x\r\n", "250 ok\r\n",
                                      "451 try later\r\n", NULL } };
  err = talk(&busy, "a\r\n", &permanent);
  assert_non_null(err);
  assert_int_equal(permanent, 0);
  assert_non_null(strstr(err_reason(err), "RCPT"));
  assert_non_null(strstr(err_reason(err), "451 try later"));
  nerr_ignore(&err);

  struct server no_user = { .replies = { "220 x\r\n", "250 x\r\n", "250 ok\r\n",
                                         "550 no such user\r\n", NULL } };
  err = talk(&no_user, "a\r\n", &permanent);
  assert_non_null(err);
  assert_int_equal(permanent, 1);
  nerr_ignore(&err);

  /* the server hangs up after DATA: not delivered */
  struct server gone = { .replies = { "220 x\r\n", "250 x\r\n", "250 ok\r\n", "250 ok\r\n",
                                      "354 go\r\n", NULL } };
  err = talk(&gone, "a\r\n", &permanent);
  assert_non_null(err);
  assert_int_equal(permanent, 0);
  nerr_ignore(&err);
}

int main(void)
{
  nerr_init();
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_utf8_subject_encoded),
    cmocka_unit_test(test_long_subject_folds_on_characters),
    cmocka_unit_test(test_body_crlf_and_long_lines),
    cmocka_unit_test(test_header_injection_refused),
    cmocka_unit_test(test_dot_stuffing),
    cmocka_unit_test(test_dialogue),
    cmocka_unit_test(test_dialogue_helo_fallback_and_refusals),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
