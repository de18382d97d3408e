<?cs set:Page.Title = L.Plans.MeasureFormTitle ?><?cs include:"layout/top.cs" ?><?cs include:"plans/macros.cs" ?>
<p class="crumb"><a href="/plans/<?cs var:Plan.id ?>">← <?cs var:L.Plans.BackToPlan ?></a></p>
<div class="page-head"><h1><?cs var:L.Plans.MeasureFormTitle ?></h1><p class="muted"><?cs var:Plan.customer_name ?> · <?cs var:Plan.year ?> · <?cs var:L.Plans.Rev ?><?cs var:Plan.open_rev ?><?cs var:L.Plans.RevAfter ?></p></div>
<?cs if:Form.Conflict ?><div class="alert" role="alert" id="conflict"><p><?cs var:L.Plans.Conflict.Intro ?></p>
  <p><strong><?cs var:L.Plans.Conflict.TheirMeasures ?></strong></p>
  <ul id="conflict-theirs"><?cs each:i = OpenItems ?><li><?cs call:measure_name(i) ?> · <?cs call:yuan(i.budget) ?></li><?cs /each ?></ul></div><?cs /if ?>
<section class="card">
  <form method="post" action="/plans/<?cs var:Plan.id ?>/item" class="form-grid" id="item-form" novalidate>
    <?cs call:csrf_field() ?><input type="hidden" name="version" value="<?cs var:Plan.version ?>"><?cs if:Form.line_key ?><input type="hidden" name="line_key" value="<?cs var:Form.line_key ?>"><?cs /if ?>
    <div class="field wide<?cs if:Form.Errors.measure ?> invalid<?cs /if ?>"><label for="f-measure"><?cs var:L.Plans.Measure ?> <span class="req" aria-hidden="true">*</span></label>
      <select id="f-measure" name="measure" required<?cs if:Form.Errors.measure ?> aria-invalid="true" aria-describedby="err-measure"<?cs /if ?>><option value="">—</option>
      <?cs each:c = Categories ?><optgroup label="<?cs var:c.id ?> <?cs call:lang_name(c) ?>"><?cs each:m = Measures ?><?cs if:m.category_id == c.id && (m.retired == "0" || Form.measure == "m" + m.id) ?><option value="m<?cs var:m.id ?>"<?cs if:Form.measure == "m" + m.id ?> selected<?cs /if ?>><?cs var:m.code ?> <?cs call:lang_name(m) ?><?cs if:m.develops_people == "1" ?> · <?cs var:L.Plans.DevelopsPeople ?><?cs /if ?></option><?cs /if ?><?cs /each ?><option value="c<?cs var:c.id ?>"<?cs if:Form.measure == "c" + c.id ?> selected<?cs /if ?>><?cs var:L.Plans.CustomIn ?></option></optgroup><?cs /each ?>
      </select><?cs call:field_error("measure") ?></div>
    <?cs call:text_field("custom_name", L.Plans.CustomName, "text", 0) ?>
    <?cs call:text_field("budget", L.Plans.Budget, "text", 1) ?>
    <fieldset class="field wide months<?cs if:Form.Errors.months ?> invalid<?cs /if ?>"><legend><?cs var:L.Plans.Months ?></legend>
      <div class="month-boxes"><?cs loop:m = 1, 12, 1 ?><label class="check month-box"><input type="checkbox" name="m<?cs var:m ?>" value="1" id="f-m<?cs var:m ?>"<?cs if:Form["m" + m] == "1" ?> checked<?cs /if ?>> <?cs var:m ?><?cs var:L.Plans.Month ?></label><?cs /loop ?></div>
      <p class="small muted"><?cs var:L.Plans.MonthsHint ?></p><?cs call:field_error("months") ?></fieldset>
    <div class="field<?cs if:Form.Errors.owner_id ?> invalid<?cs /if ?>"><label for="f-owner_id"><?cs var:L.Plans.Owner ?></label><select id="f-owner_id" name="owner_id"><option value=""><?cs var:L.Plans.NoOwner ?></option><?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:Form.owner_id == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?></select><?cs call:field_error("owner_id") ?></div>
    <?cs call:area_field("description", L.Plans.Description, 0) ?>
    <?cs call:area_field("expected_effect", L.Plans.ExpectedEffect, 0) ?>
    <div class="actions wide"><button type="submit" class="button primary" id="save-item"><?cs var:L.Plans.Save ?></button> <a class="button" href="/plans/<?cs var:Plan.id ?>"><?cs var:L.Plans.BackToPlan ?></a></div>
  </form>
</section>
<?cs include:"layout/bottom.cs" ?>
