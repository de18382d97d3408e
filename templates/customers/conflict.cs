<?cs set:Page.Title = L.Conflict.Title ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/customers/<?cs var:Form.id ?>">← <?cs var:L.Edit.BackToFile ?></a></p>
<h1><?cs var:L.Conflict.Title ?></h1>
<div class="alert" role="alert" id="conflict"><?cs var:L.Conflict.Intro ?></div>
<section class="card">
  <h2><?cs var:L.Conflict.Differences ?></h2>
  <div class="table-wrap"><table class="data" id="conflict-diff">
    <thead><tr><th><?cs var:L.Conflict.Field ?></th><th><?cs var:L.Conflict.Theirs ?></th><th><?cs var:L.Conflict.Mine ?></th></tr></thead>
    <tbody><?cs each:d = Diff ?><tr><td class="nowrap"><?cs alt:L.Field[name(d)] ?><?cs name:d ?><?cs /alt ?></td><td class="prose"><?cs call:dash(Theirs[name(d)]) ?></td><td class="prose"><strong><?cs call:dash(Form[name(d)]) ?></strong></td></tr><?cs /each ?></tbody>
  </table></div>
</section>
<form method="post" action="/customers/<?cs var:Form.id ?>/edit" class="card customer-form" id="customer-form" novalidate>
  <h2><?cs var:L.Conflict.YourVersion ?></h2>
  <p class="muted"><?cs var:L.Conflict.Explain ?></p>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="version" value="<?cs var:Form.version ?>">
<?cs include:"customers/form_fields.cs" ?>
  <div class="actions">
    <button type="submit" class="button primary" id="save-mine"><?cs var:L.Conflict.SaveMine ?></button>
    <a class="button" href="/customers/<?cs var:Form.id ?>" id="keep-theirs"><?cs var:L.Conflict.KeepTheirs ?></a>
  </div>
</form>
<?cs include:"layout/bottom.cs" ?>
