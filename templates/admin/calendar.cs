<?cs set:Page.Title = L.Admin.Calendar ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/admin">← <?cs var:L.Admin.Title ?></a></p>
<h1><?cs var:L.Admin.Calendar ?></h1>
<p class="muted"><?cs var:L.Admin.CalendarIntro ?></p>
<?cs if:Form.Conflict ?><div class="alert" role="alert" id="conflict"><p><?cs var:L.Admin.Conflict ?></p>
  <p id="conflict-current"><?cs var:L.Admin.CalendarNow ?><?cs call:colon() ?><span class="mono"><?cs var:Current.hours ?></span> · <?cs var:L.Admin.FirstHours ?> <?cs var:Current.first_hours ?> · <?cs var:L.Admin.ResolutionHours ?> <?cs var:Current.resolution_hours ?></p></div><?cs /if ?>
<form method="post" action="/admin/calendar" class="card customer-form" id="calendar-form" novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="version" value="<?cs var:Form.version ?>">
  <fieldset class="form-grid<?cs if:Form.Errors.weekdays ?> invalid<?cs /if ?>" id="f-weekdays">
    <legend><?cs var:L.Admin.Weekdays ?></legend>
    <?cs loop:d = 1, 7, 1 ?><label class="check"><input type="checkbox" id="f-wd<?cs var:d ?>" name="wd<?cs var:d ?>" value="1"<?cs if:Form.wd[d] == 1 ?> checked<?cs /if ?>> <?cs var:L.Admin.Weekday[d] ?></label><?cs /loop ?>
    <div class="wide"><?cs call:field_error("weekdays") ?></div>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.Admin.WorkDay ?></legend>
    <?cs call:text_field("hours", L.Admin.Hours, "text", 1) ?>
    <p class="hint wide"><?cs var:L.Admin.HoursHint ?></p>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.Admin.Promises ?></legend>
    <?cs call:text_field("first_hours", L.Admin.FirstHours, "text", 1) ?>
    <?cs call:text_field("resolution_hours", L.Admin.ResolutionHours, "text", 1) ?>
    <p class="hint wide"><?cs var:L.Admin.PromisesHint ?></p>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.Admin.SpecialDays ?></legend>
    <?cs call:area_field("holidays", L.Admin.Holidays, 0) ?>
    <?cs call:area_field("workdays", L.Admin.Workdays, 0) ?>
    <p class="hint wide"><?cs var:L.Admin.DaysHint ?></p>
  </fieldset>
  <?cs if:Current.updated_at ?><p class="muted" id="calendar-updated"><?cs var:L.Admin.CalendarUpdated ?><?cs call:colon() ?><?cs var:Current.updated_at ?> · <?cs var:Current.updated_by_name ?></p><?cs /if ?>
  <div class="actions">
    <button type="submit" class="button primary" id="save-calendar"><?cs var:L.Admin.Save ?></button>
    <a class="button" href="/admin"><?cs var:L.Admin.Cancel ?></a>
  </div>
</form>
<?cs include:"layout/bottom.cs" ?>
