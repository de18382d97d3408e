-- 020: customer_bigrams by customer.
--
-- Why: a customer's bigrams are replaced whenever the customer is saved or
-- merged away ("DELETE FROM customer_bigrams WHERE customer_id = ?"), and
-- the table had only its (bigram, customer_id) key: each save read all of
-- it (10 million rows at 1,000,000 customers: about 2 s) and, in a
-- transaction, locked every row it read, so saves and imports queued
-- behind each other. Searches name PRIMARY (customer_list.c), so this key
-- is not weighed for them.
ALTER TABLE customer_bigrams ADD KEY customer_id (customer_id);
