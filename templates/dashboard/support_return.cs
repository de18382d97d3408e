<section class="card" id="support-return">
  <h2><?cs var:L.SupportReturn.Panel.Title ?></h2>
  <p class="small muted"><?cs var:L.SupportReturn.Panel.Hint ?> <?cs var:L.SupportReturn.PaysHint ?></p>
  <div class="table-wrap"><table class="data compact" id="t-support-return">
    <thead><tr><th class="name"><?cs var:L.SupportReturn.Category ?></th><th class="num opt"><?cs var:L.SupportReturn.Panel.Supported ?></th><th class="num opt"><?cs var:L.SupportReturn.Panel.Done ?></th><th class="num opt"><?cs var:L.SupportReturn.Panel.TooEarly ?></th><th class="num"><?cs var:L.SupportReturn.Panel.AvgUplift ?></th><th class="num"><?cs var:L.SupportReturn.Panel.PaidShare ?></th><th class="num opt"><?cs var:L.SupportReturn.Cost ?></th><th class="num opt"><?cs var:L.SupportReturn.Extra ?></th></tr></thead>
    <tbody><?cs each:c = SupportReturn ?><tr data-category="<?cs var:c.category_id ?>">
      <td class="name"><?cs if:Page.Lang == "en" ?><?cs var:c.name_en ?><?cs else ?><?cs var:c.name_zh ?><?cs /if ?></td>
      <td class="num opt" data-col="supported"><?cs var:c.supported ?></td>
      <td class="num opt" data-col="done"><?cs var:c.done ?></td>
      <td class="num opt" data-col="too_early"><?cs var:c.too_early ?></td>
      <td class="num" data-col="uplift"><?cs call:sr_points(c.uplift) ?></td>
      <td class="num" data-col="paid_share"><?cs if:?c.paid_share ?><?cs var:c.paid_share ?>%<?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="num nowrap opt" data-col="cost">¥<?cs var:money(c.cost) ?></td>
      <td class="num nowrap opt" data-col="extra">¥<?cs var:money(c.extra_margin) ?></td>
    </tr><?cs /each ?></tbody>
  </table></div>
</section>
