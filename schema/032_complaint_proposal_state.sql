-- 032: step 4's state on the complaint itself, for the leaders' inbox
-- (issue 14) and the queue's "awaiting approval" / "returned" filters.
--
-- Why: "waiting for a leader" and "returned, to be revised" are facts about
-- a complaint's latest proposal (complaint_proposals). Asked per queue row
-- (the latest proposal of each open step-4 complaint) a filter on them read
-- every open step-4 complaint to find the few returned ones: at 1,000,000
-- complaints some 26,000 rows for an empty page. Kept on the complaint,
-- the filters are one index range in the queue's received order.
--
-- proposal: 'pending' while a proposal waits for a leader, 'returned' when
-- the latest one was sent back (staff revise it), NULL otherwise (no
-- proposal yet, or approved: the complaint has moved on to step 5).
-- proposal_by: who made that latest proposal (a leader never decides their
-- own; "returned to me" is the proposer's). Written by the data-access
-- layer in the transaction that locks the complaint (cgi-bin/db/
-- complaint_write.c), never by a trigger: it is the workflow's state.
ALTER TABLE complaints
  ADD COLUMN proposal    ENUM('pending','returned') NULL AFTER step,
  ADD COLUMN proposal_by INT UNSIGNED NULL AFTER proposal,
  ADD KEY proposal_received (proposal, received_at);

-- Complaints already at step 4: their latest proposal's state
-- (scripts/reindex.sql does the same after a bulk load).
UPDATE complaints c
  JOIN complaint_proposals p ON p.id = (SELECT MAX(q.id) FROM complaint_proposals q
                                        WHERE q.complaint_id = c.id)
   SET c.proposal = IF(p.decision = 'approved', NULL, p.decision), c.proposal_by = p.proposed_by
 WHERE c.status = 'open' AND c.step = 4;
