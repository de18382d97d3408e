-- A return request (退货申请) can be answered with a return (退货): the
-- goods come back. Appended at the end of the ENUM, so existing rows keep
-- their values and MariaDB changes only the table's definition.
ALTER TABLE complaint_proposals
  MODIFY remedy ENUM('replace','repair','refund','compensation','explanation','return') NOT NULL;
