<?cs # The support-plan return (支援效果) table, shared by the plan page and
  the customer file. Line breaks sit inside the tags. ?><?cs
def:sr_pct(v) ?><?cs if:?v ?><span class="nowrap<?cs if:v < 0 ?> down<?cs elif:v > 0 ?> up<?cs /if ?>"><?cs if:v > 0 ?>+<?cs /if ?><?cs var:v ?>%</span><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
def:sr_points(v) ?><?cs if:?v ?><span class="nowrap<?cs if:v < 0 ?> down<?cs elif:v > 0 ?> up<?cs /if ?>"><?cs if:v > 0 ?>+<?cs /if ?><?cs var:v ?> <?cs var:L.SupportReturn.Points ?></span><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
def:sr_yuan(v) ?><?cs if:?v ?>¥<?cs var:money(v) ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
def:sr_table(rows, tid, with_year) ?><div class="table-wrap"><table class="data compact sr-table" id="<?cs var:tid ?>">
  <thead><tr><th class="name"><?cs var:L.SupportReturn.Category ?></th><?cs if:with_year ?><th><?cs var:L.SupportReturn.Year ?></th><?cs /if ?><th class="num"><?cs var:L.SupportReturn.Uplift ?></th><th><?cs var:L.SupportReturn.Pays ?></th><th class="num"><?cs var:L.SupportReturn.Sales ?></th><th class="num"><?cs var:L.SupportReturn.Change ?></th><th class="num"><?cs var:L.SupportReturn.PeerChange ?></th><th class="num opt"><?cs var:L.SupportReturn.Peers ?></th><th class="opt"><?cs var:L.SupportReturn.Month ?></th><th class="num opt"><?cs var:L.SupportReturn.Cost ?></th><th class="num opt"><?cs var:L.SupportReturn.Extra ?></th></tr></thead>
  <tbody><?cs each:x = rows ?><?cs set:early = x.status == 1 ?><tr data-plan="<?cs var:x.plan_id ?>" data-category="<?cs var:x.category_id ?>" data-status="<?cs var:x.status ?>">
    <td class="name"><?cs if:with_year ?><a href="/plans/<?cs var:x.plan_id ?>"><?cs /if ?><?cs if:Page.Lang == "en" ?><?cs var:x.name_en ?><?cs else ?><?cs var:x.name_zh ?><?cs /if ?><?cs if:with_year ?></a><?cs /if ?></td><?cs if:with_year ?><td><?cs var:x.year ?></td><?cs /if ?>
    <td class="num nowrap" data-col="uplift"><?cs if:?x.uplift ?><strong><?cs call:sr_points(x.uplift) ?></strong><?cs else ?><span class="tag<?cs if:early ?> warn<?cs /if ?>"><?cs var:L.SupportReturn.Status[x.status] ?></span><?cs /if ?></td>
    <td data-col="pays"><?cs if:x.status == 0 && ?x.extra_margin ?><?cs if:x.pays == 1 ?><span class="tag ok"><?cs var:L.SupportReturn.PaysYes ?></span><?cs else ?><span class="tag danger"><?cs var:L.SupportReturn.PaysNo ?></span><?cs /if ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
    <td class="num nowrap" data-col="sales">¥<?cs var:money(x.sales_before) ?> → <?cs if:early ?>…<?cs else ?>¥<?cs var:money(x.sales_after) ?><?cs /if ?><br><span class="small muted" data-col="margin"><?cs var:L.SupportReturn.MarginShort ?> ¥<?cs var:money(x.margin_before) ?> → <?cs if:early ?>…<?cs else ?>¥<?cs var:money(x.margin_after) ?><?cs /if ?></span></td>
    <td class="num" data-col="change"><?cs call:sr_pct(x.change) ?></td>
    <td class="num" data-col="peer_change"><?cs call:sr_pct(x.peer_change) ?></td>
    <td class="num opt" data-col="peers"><?cs var:x.peers ?></td>
    <td class="nowrap opt" data-col="month"><?cs var:x.support_month ?></td>
    <td class="num nowrap opt" data-col="cost">¥<?cs var:money(x.cost) ?></td>
    <td class="num nowrap opt" data-col="extra"><?cs call:sr_yuan(x.extra_margin) ?></td>
  </tr><?cs /each ?></tbody>
</table></div><?cs /def ?>
