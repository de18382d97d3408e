<?cs set:Page.Title = L.DashSet.Title ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/dashboard">← <?cs var:L.DashSet.Back ?></a></p>
<h1><?cs var:L.DashSet.Title ?></h1>
<p class="muted" id="settings-intro"><?cs var:L.DashSet.Intro ?></p>
<form method="post" action="/dashboard/settings" class="card customer-form" id="settings-form" novalidate>
  <?cs call:csrf_field() ?>
  <fieldset class="form-grid">
    <legend><?cs var:L.DashSet.Sleep ?></legend>
    <p class="hint wide"><?cs var:L.DashSet.SleepHint ?></p>
    <?cs call:text_field("sleep_doze_days", L.DashSet.Doze, "number", 1) ?>
    <?cs call:text_field("sleep_half_days", L.DashSet.Half, "number", 1) ?>
    <?cs call:text_field("sleep_deep_days", L.DashSet.Deep, "number", 1) ?>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.DashSet.Warnings ?></legend>
    <?cs call:text_field("visit_days", L.DashSet.Visit, "number", 1) ?>
    <?cs call:text_field("falling_pct", L.DashSet.Falling, "number", 1) ?>
    <?cs call:text_field("behind_pct", L.DashSet.Behind, "number", 1) ?>
  </fieldset>
  <p class="hint" id="settings-delay"><?cs var:L.DashSet.Delay ?></p>
  <div class="actions">
    <button type="submit" class="button primary" id="save-settings"><?cs var:L.DashSet.Save ?></button>
    <a class="button" href="/dashboard"><?cs var:L.DashSet.Cancel ?></a>
  </div>
</form>
<?cs include:"layout/bottom.cs" ?>
