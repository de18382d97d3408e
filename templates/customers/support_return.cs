<?cs include:"support_return/macros.cs" ?>
  <h3 id="support-return"><?cs var:L.SupportReturn.Title ?></h3>
  <?cs if:subcount(Support.Return) == 0 ?><p class="empty" id="support-return-none"><?cs var:L.SupportReturn.None ?></p><?cs else ?>
  <p class="small muted"><?cs var:L.SupportReturn.Intro ?></p>
  <?cs call:sr_table(Support.Return, "customer-support-return", 1) ?><?cs /if ?>
