-- 038: a due item (a row of payments) can be paid in part (issue 15).
--
-- payments holds what a customer owes and when (amount, due_on). Until now
-- it was either unpaid (paid_on NULL) or paid in full on paid_on. Money
-- received (回款) may settle part of an item, so each item now carries how
-- much of it has been paid. The rule, kept by the C code that records
-- money received (cgi-bin/db/), is:
--   open        paid_amount = 0
--   partly paid 0 < paid_amount < amount, paid_on NULL
--   settled     paid_amount = amount, paid_on = the day it was settled
-- What is still owed on an item is amount - paid_amount; an item is
-- overdue while it is not settled and due_on has passed.
ALTER TABLE payments
  ADD COLUMN paid_amount DECIMAL(14,2) NOT NULL DEFAULT 0 AFTER amount;

-- The backfill changes no figure the triggers keep (an item paid in full
-- stays paid), so it skips them.
SET @kehu_bulk = 1;
UPDATE payments SET paid_amount = amount WHERE paid_on IS NOT NULL;
SET @kehu_bulk = NULL;
