<?cs # Helpers of the support-plan pages. Line breaks sit inside the tags so
  that including this file adds no blank lines. ?><?cs
def:plan_status(s) ?><span class="tag plan-status st-<?cs var:s ?>"><?cs var:L.PlanStatus[s] ?></span><?cs /def ?><?cs
def:over_flag(row) ?><?cs if:row.overspent == "1" ?><span class="tag danger over-flag">⚠ <?cs var:L.Plans.Overspent ?></span><?cs /if ?><?cs /def ?><?cs
def:yuan(v) ?>¥<?cs var:money(v) ?><?cs /def ?><?cs
def:yuan_cell(v) ?><span class="cur">¥</span><?cs var:money(v) ?><?cs /def ?><?cs
def:used(row) ?><?cs if:row.used ?><span class="nowrap<?cs if:row.overspent == "1" ?> down<?cs /if ?>"><?cs var:row.used ?>%</span><?cs else ?><span class="muted">—</span><?cs /if ?><?cs if:row.overspent == "1" ?> <?cs /if ?><?cs /def ?><?cs
def:lang_name(row) ?><?cs if:Page.Lang == "en" ?><?cs var:row.name_en ?><?cs else ?><?cs var:row.name_zh ?><?cs /if ?><?cs /def ?><?cs
def:measure_name(i) ?><?cs if:i.measure_id ?><span class="mono muted"><?cs var:i.measure_code ?></span> <?cs if:Page.Lang == "en" ?><?cs var:i.measure_en ?><?cs else ?><?cs var:i.measure_zh ?><?cs /if ?><?cs if:i.develops_people == "1" ?> <span class="tag ok people"><?cs var:L.Plans.DevelopsPeople ?></span><?cs /if ?><?cs else ?><?cs var:i.custom_name ?> <span class="tag"><?cs var:L.Plans.Custom ?></span><?cs /if ?><?cs /def ?><?cs
def:month_strip(i) ?><span class="month-strip" title="<?cs var:L.Plans.Months ?>: <?cs var:i.Months ?>"><span class="sr-only"><?cs var:L.Plans.Months ?><?cs call:colon() ?><?cs alt:i.Months ?>—<?cs /alt ?></span><?cs loop:m = 1, 12, 1 ?><span class="mo<?cs if:i.M[m] == "1" ?> on<?cs /if ?>" aria-hidden="true"><?cs var:m ?></span><?cs /loop ?></span><?cs /def ?>
