-- 043: step 4's answers to a price complaint. The source text's reason
-- "(3)对价格很在意" is answered by finding out whether a competitor cut its
-- price or the customer's information was wrong (price_check), explaining
-- again (reexplain), and winning the customer back with an apology and a
-- small gift (apology_gift). The data-access layer offers them for
-- complaints whose reason is price (cgi-bin/db/complaint_rules.c).
-- Appended at the end of the ENUM, so existing rows keep their values and
-- MariaDB changes only the table's definition.
ALTER TABLE complaint_proposals
  MODIFY remedy ENUM('replace','repair','refund','compensation','explanation','return',
                     'price_check','reexplain','apology_gift') NOT NULL;
