<?cs # Helpers of the complaint pages. Line breaks sit inside the tags so
  that including this file adds no blank lines. ?><?cs
def:sla_clock(c) ?><?cs if:c.sla == "overdue" ?><span class="tag danger sla-overdue"><?cs var:L.Complaints.Overdue ?></span> <span class="sla-text"><?cs var:L.Complaints.SlaOverdueBy ?> <?cs var:c.sla_text ?></span><?cs elif:c.sla == "due" ?><span class="sla-text"><?cs var:L.Complaints.SlaLeft ?> <?cs var:c.sla_text ?></span><?cs elif:c.sla == "responded" ?><span class="sla-text ok"><?cs var:L.Complaints.SlaResponded ?> <?cs var:c.sla_text ?></span><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
def:step_badge(c) ?><?cs if:c.status == "closed" ?><span class="tag"><?cs var:L.Complaints.Closed ?></span><?cs else ?><span class="step-chip"><span class="step-no"><?cs var:c.step ?></span> <?cs var:L.StepName[c.step] ?></span><?cs if:c.proposal ?> <span class="tag proposal-<?cs var:c.proposal ?><?cs if:c.proposal == "returned" ?> danger<?cs else ?> warn<?cs /if ?>"><?cs var:L.ComplaintDecision[c.proposal] ?></span><?cs /if ?><?cs /if ?><?cs /def ?><?cs
def:product_name(c) ?><?cs if:c.product ?><?cs var:c.product ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
# A proposal's timeline note is "<remedy> <amount>" (or the remedy alone):
# the remedy in words, the amount when there is one.
?><?cs
def:proposed_note(note) ?><?cs set:Tl.sp = string.find(note, " ") ?><?cs if:Tl.sp > 0 ?><?cs set:Tl.remedy = string.slice(note, 0, Tl.sp) ?><?cs set:Tl.amount = string.slice(note, Tl.sp + 1, string.length(note)) ?><?cs else ?><?cs set:Tl.remedy = note ?><?cs set:Tl.amount = "" ?><?cs /if ?><p class="prose small"><?cs alt:L.ComplaintRemedy[Tl.remedy] ?><?cs var:note ?><?cs /alt ?><?cs if:#Tl.amount > 0 ?> · ¥<?cs var:money(Tl.amount) ?><?cs /if ?></p><?cs /def ?><?cs
# Attachment sizes: bytes below 1 KB (a small photo is not "0 KB"), KB below 1 MB, then MB.
?><?cs
def:file_size(n) ?><?cs if:#n < 1024 ?><?cs var:#n ?> B<?cs elif:#n < 1048576 ?><?cs var:(#n + 1023) / 1024 ?> KB<?cs else ?><?cs var:#n / 1048576 ?>.<?cs var:#n % 1048576 * 10 / 1048576 ?> MB<?cs /if ?><?cs /def ?>
