<?cs set:Page.Title = L.Outbox.Title ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/admin">← <?cs var:L.Admin.Title ?></a></p>
<h1><?cs var:L.Outbox.Title ?></h1>
<p class="muted"><?cs var:L.Outbox.Intro ?></p>
<?cs if:Outbox.sms_hook != 1 ?><p class="hint" id="no-sms-hook"><?cs var:L.Outbox.NoSms ?></p><?cs /if ?>
<nav class="tabs" aria-label="<?cs var:L.Outbox.Title ?>">
  <?cs each:s = L.Outbox.State ?><a href="/admin/outbox?state=<?cs name:s ?>" id="outbox-tab-<?cs name:s ?>"<?cs if:Outbox.state == name(s) ?> class="active" aria-current="page"<?cs /if ?>><?cs var:s ?> <span class="count<?cs if:name(s) == "failed" && Counts.failed > 0 ?> warn<?cs /if ?>"><?cs alt:Counts[name(s)] ?>0<?cs /alt ?></span></a><?cs /each ?>
</nav>
<?cs if:subcount(Rows) == 0 ?><p class="empty" id="outbox-empty"><?cs var:L.Outbox.Empty ?></p><?cs else ?>
<div class="table-wrap"><table class="data" id="outbox">
  <thead><tr><th><?cs var:L.Outbox.Col.subject ?></th><th><?cs var:L.Outbox.Col.last_error ?></th><th><?cs var:L.Outbox.Col.source ?></th><th class="num"><?cs var:L.Outbox.Col.attempts ?></th><th><?cs if:Outbox.state == "sent" ?><?cs var:L.Outbox.Col.sent_at ?><?cs else ?><?cs var:L.Outbox.Col.next_attempt_at ?><?cs /if ?></th><th><?cs var:L.Outbox.Col.created_at ?></th></tr></thead>
  <tbody><?cs each:o = Rows ?><tr data-outbox="<?cs var:o.id ?>">
    <td class="outbox-what"><span class="tag"><?cs var:L.Outbox.Channel[o.channel] ?> · <?cs var:L.Outbox.Kind[o.kind] ?></span> <?cs var:o.subject ?>
      <br><span class="mono small"><?cs var:o.recipient ?></span>
      <?cs if:Outbox.state != "sent" ?><form method="post" action="/admin/outbox/<?cs var:o.id ?>/retry" id="retry-<?cs var:o.id ?>" class="inline-form"><?cs call:csrf_field() ?><button type="submit" class="button small" id="retry-button-<?cs var:o.id ?>"><?cs var:L.Outbox.Retry ?></button></form><?cs /if ?></td>
    <td class="small"><?cs call:dash(o.last_error) ?></td>
    <td class="nowrap"><?cs if:o.tracking_no ?><span class="mono"><?cs var:o.tracking_no ?></span><?cs else ?><?cs call:dash(o.username) ?><?cs /if ?></td>
    <td class="num"><?cs var:o.attempts ?></td>
    <td class="nowrap"><?cs if:Outbox.state == "sent" ?><?cs var:string.slice(o.sent_at, 0, 16) ?><?cs elif:o.state == "queued" ?><?cs var:string.slice(o.next_attempt_at, 0, 16) ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
    <td class="nowrap"><?cs var:string.slice(o.created_at, 0, 16) ?></td>
  </tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
