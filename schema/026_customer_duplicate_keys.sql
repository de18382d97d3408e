-- 026: two keys of customers that repeat others.
--
-- list_name (status, name(32), id) is a prefix of list_name_order
-- (status, name, id), which 003 added because a prefix cannot give the
-- order; code_prefix (code) repeats the unique key on code. Every insert
-- and update wrote both for nothing: customers has 29 keys, and an import
-- of 100,000 customers writes each of them per row.
ALTER TABLE customers DROP KEY list_name, DROP KEY code_prefix;
