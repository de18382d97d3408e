<?cs include:"support_return/macros.cs" ?>
<section class="card" id="support-return">
  <h2><?cs var:L.SupportReturn.Title ?></h2>
  <p class="small muted"><?cs var:L.SupportReturn.Intro ?> <?cs var:L.SupportReturn.PaysHint ?></p>
  <?cs if:subcount(Return) == 0 ?><p class="empty" id="support-return-none"><?cs var:L.SupportReturn.None ?></p><?cs else ?>
  <?cs call:sr_table(Return, "support-return-table", 0) ?>
  <p class="small muted"><?cs var:L.SupportReturn.AsOf ?><?cs call:colon() ?><span id="support-return-as-of"><?cs var:Return.0.as_of ?></span></p><?cs /if ?>
</section>
