<?cs set:Page.Title = L.Public.Receipt.Title ?><?cs include:"complaint_public/top.cs" ?><?cs include:"complaint_public/steps.cs" ?>
<div class="public-page">
<h1><?cs var:L.Public.Receipt.Heading[Receipt.kind] ?></h1>
<section class="card receipt">
  <p class="muted"><?cs var:L.Public.Receipt.Number ?></p>
  <p class="tracking-no mono" id="tracking-no"><?cs var:Receipt.tracking_no ?></p>
  <p><?cs var:L.Public.Receipt.Keep ?> <a href="/complaint/status"><?cs var:L.Public.Form.CheckStatus ?></a></p>
  <?cs if:Receipt.status_token ?><div class="status-link" id="status-link">
    <h2><?cs var:L.Public.Receipt.LinkTitle ?></h2>
    <p><?cs var:L.Public.Receipt.LinkKeep ?></p>
    <p><a id="status-link-open" href="/complaint/status?t=<?cs var:Receipt.status_token ?>"><?cs var:L.Public.Receipt.LinkOpen ?></a></p>
    <p class="mono" id="status-link-text">/complaint/status?t=<?cs var:Receipt.status_token ?></p>
  </div><?cs /if ?>
  <dl class="facts">
    <div><dt><?cs var:L.Public.Field.received_at ?></dt><dd><?cs var:string.slice(Receipt.received_at, 0, 16) ?></dd></div>
    <div><dt><?cs var:L.Public.Field.kind ?></dt><dd><?cs var:L.Public.Kind[Receipt.kind] ?></dd></div>
    <div class="wide"><dt><?cs var:L.Public.Field.reason ?></dt><dd><?cs var:L.Public.Reason[Receipt.reason] ?></dd></div>
  </dl>
</section>
<?cs if:Receipt.kind == "return" || Receipt.kind == "exchange" ?>
<section class="card return-window <?cs if:Receipt.Window.Inside ?>inside<?cs else ?>outside<?cs /if ?>" id="return-window">
  <h2><?cs var:L.Public.Window.Title ?></h2>
  <?cs if:Receipt.Window.Inside ?>
  <p id="window-inside"><strong><?cs var:L.Public.Window.Inside ?></strong></p>
  <p class="muted" id="window-facts"><?cs var:L.Public.Field.purchase_date ?> <?cs var:Receipt.purchase_date ?> · <?cs var:L.Public.Packaging.Yes ?></p>
  <?cs else ?>
  <p id="window-outside"><strong><?cs var:L.Public.Window.Outside ?></strong></p>
  <ul class="window-reasons">
    <?cs if:Receipt.Window.TooLate ?><li id="window-too-late"><?cs var:L.Public.Window.TooLate ?> (<?cs var:L.Public.Field.purchase_date ?><?cs call:colon() ?><?cs var:Receipt.purchase_date ?>)</li><?cs /if ?>
    <?cs if:Receipt.Window.Opened ?><li id="window-opened"><?cs var:L.Public.Window.Opened ?></li><?cs /if ?>
    <?cs if:Receipt.Window.Unknown ?><li id="window-unknown"><?cs var:L.Public.Window.Unknown ?></li><?cs /if ?>
  </ul>
  <p class="muted"><?cs var:L.Public.Window.StillHandled ?></p>
  <?cs /if ?>
</section>
<?cs /if ?>
<section class="card">
  <h2><?cs var:L.Public.Receipt.Next ?></h2>
  <p id="promise"><?cs var:L.Public.Receipt.Promise1 ?> <strong><?cs var:Receipt.sla_hours ?></strong> <?cs var:L.Public.Receipt.Promise2 ?><?cs var:L.Public.Receipt.PromiseDue ?> <strong id="promise-due"><?cs var:string.slice(Receipt.sla_due, 0, 16) ?></strong><?cs var:L.Public.Receipt.PromiseNext ?></p>
  <?cs call:public_steps(1, 0) ?>
</section>
</div>
<?cs include:"complaint_public/bottom.cs" ?>
