<?cs set:Page.Title = L.AnaSettings.Title ?><?cs include:"layout/top.cs" ?><?cs
# One setting: its label and unit from the sources' terms, a one-line hint,
# the value; read-only for everyone but admins.
?><?cs def:setting(name, type) ?><div class="field<?cs if:Form.Errors[name] ?> invalid<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:L.AnaSettings.Label[name] ?><?cs if:L.AnaSettings.Unit[name] ?> <span class="muted small">(<?cs var:L.AnaSettings.Unit[name] ?>)</span><?cs /if ?></label><input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" value="<?cs var:Form[name] ?>" required<?cs if:type == "number" ?> inputmode="numeric"<?cs /if ?><?cs if:!Settings.CanEdit ?> readonly<?cs /if ?> aria-describedby="hint-<?cs var:name ?><?cs if:Form.Errors[name] ?> err-<?cs var:name ?><?cs /if ?>"<?cs if:Form.Errors[name] ?> aria-invalid="true"<?cs /if ?>><p class="hint" id="hint-<?cs var:name ?>"><?cs var:L.AnaSettings.Hint[name] ?></p><?cs call:field_error(name) ?></div><?cs /def ?>
<h1><?cs var:L.AnaSettings.Title ?></h1>
<?cs include:"analysis/subnav.cs" ?>
<p class="muted" id="settings-intro"><?cs var:L.AnaSettings.Intro ?><?cs if:!Settings.CanEdit ?> <?cs var:L.AnaSettings.ReadOnly ?><?cs /if ?></p>
<?cs if:Form.Conflict ?><div class="alert" role="alert" id="conflict"><p><?cs var:L.AnaSettings.Conflict ?></p>
  <p id="conflict-current"><?cs each:v = Current ?><?cs if:name(v) != "version" && v != Form[name(v)] ?><span class="nowrap"><?cs var:L.AnaSettings.Label[name(v)] ?><?cs call:colon() ?><?cs var:v ?></span> <?cs /if ?><?cs /each ?></p></div><?cs /if ?>
<?cs # only an admin gets a form: the others read the same fields in a card ?><?cs if:Settings.CanEdit ?><form method="post" action="/analysis/settings" class="card customer-form" id="settings-form" novalidate><?cs else ?><div class="card customer-form" id="settings-view"><?cs /if ?>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="version" value="<?cs var:Form.version ?>">
  <fieldset class="form-grid">
    <legend><?cs var:L.AnaSettings.Abc ?></legend>
    <?cs call:setting("period_months", "number") ?>
    <?cs call:setting("abc_a_pct", "number") ?>
    <?cs call:setting("abc_b_pct", "number") ?>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.AnaSettings.Life ?></legend>
    <?cs call:setting("life_period_days", "number") ?>
    <?cs call:setting("life_periods_n", "number") ?>
    <?cs call:setting("life_periods_m", "number") ?>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.AnaSettings.Sleep ?></legend>
    <?cs call:setting("sleep_interval_days", "number") ?>
    <?cs call:setting("sleep_drowsy_pct", "number") ?>
    <?cs call:setting("sleep_half_pct", "number") ?>
    <?cs call:setting("sleep_dormant_pct", "number") ?>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.AnaSettings.Rfm ?></legend>
    <?cs call:setting("rfm_high_from", "number") ?>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.AnaSettings.Watch ?></legend>
    <?cs call:setting("watch_window_days", "number") ?>
    <?cs call:setting("watch_late_rise_days", "number") ?>
    <?cs call:setting("watch_order_drop_pct", "number") ?>
    <?cs call:setting("watch_min_complaints", "number") ?>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.AnaSettings.Value ?></legend>
    <?cs call:setting("worst_tail_pct", "number") ?>
    <?cs call:setting("discount_bp", "text") ?>
    <?cs call:setting("run_at", "time") ?>
  </fieldset>
  <?cs if:Settings.CanEdit ?><p class="hint" id="settings-rerun"><?cs var:L.AnaSettings.Rerun ?></p>
  <div class="actions">
    <button type="submit" class="button primary" id="save-settings"><?cs var:L.AnaSettings.Save ?></button>
    <a class="button" href="/analysis/settings"><?cs var:L.AnaSettings.Cancel ?></a>
  </div><?cs /if ?>
<?cs if:Settings.CanEdit ?></form><?cs else ?></div><?cs /if ?>
<section class="card" id="runs" aria-labelledby="runs-title">
  <h2 id="runs-title"><?cs var:L.AnaSettings.Runs ?></h2>
  <?cs if:Settings.CanEdit ?><form method="post" action="/analysis/settings/run" id="run-now">
    <?cs call:csrf_field() ?><input type="hidden" name="reason" value="manual">
    <button type="submit" class="button" id="run-now-button"><?cs var:L.AnaSettings.RunNow ?></button>
  </form><?cs /if ?>
  <?cs if:!subcount(Runs) ?><p class="empty" id="no-runs"><?cs var:L.AnaSettings.NoRuns ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="data" id="runs-table">
    <thead><tr><th><?cs var:L.AnaSettings.Run.Requested ?></th><th><?cs var:L.AnaSettings.Run.Status ?></th><th class="opt"><?cs var:L.AnaSettings.Run.Reason ?></th><th class="opt"><?cs var:L.AnaSettings.Run.Started ?></th><th><?cs var:L.AnaSettings.Run.Finished ?></th><th class="num"><?cs var:L.AnaSettings.Run.Seconds ?></th><th class="num opt"><?cs var:L.AnaSettings.Run.Customers ?></th><th class="opt"><?cs var:L.AnaSettings.Run.Error ?></th></tr></thead>
    <tbody><?cs each:x = Runs ?><tr data-id="<?cs var:x.id ?>" data-status="<?cs var:x.status ?>">
      <td class="nowrap"><?cs var:x.requested_at ?><?cs if:x.requested_by ?> <span class="muted small"><?cs var:x.requested_by ?></span><?cs /if ?></td>
      <td class="nowrap"><span class="tag<?cs if:x.status == "done" ?> ok<?cs elif:x.status == "failed" ?> warn<?cs /if ?>"><?cs var:L.AnaSettings.Status[x.status] ?></span></td>
      <td class="opt nowrap"><?cs var:L.AnaSettings.Reason[x.reason] ?></td>
      <td class="opt nowrap"><?cs call:dash(x.started_at) ?></td>
      <td class="nowrap"><?cs call:dash(x.finished_at) ?></td>
      <td class="num"><?cs call:dash(x.seconds) ?></td>
      <td class="num opt"><?cs call:dash(x.customers) ?></td>
      <td class="opt"><?cs call:dash(x.error) ?></td>
    </tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>
</section>
<?cs include:"layout/bottom.cs" ?>
