<?cs set:Page.Title = L.Plans.New ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/plans">← <?cs var:L.Plans.Back ?></a></p>
<div class="page-head"><h1><?cs var:L.Plans.New ?></h1></div>
<section class="card">
  <p class="muted"><?cs var:L.Plans.NewHint ?></p>
  <form method="post" action="/plans/new" class="form-grid" id="new-plan-form" novalidate>
    <?cs call:csrf_field() ?>
    <?cs call:text_field("code", L.Plans.DealerCode, "text", 1) ?>
    <?cs call:text_field("year", L.Plans.Year, "number", 1) ?>
    <div class="field wide<?cs if:Form.Errors.copy ?> invalid<?cs /if ?>"><label class="check"><input type="checkbox" id="f-copy" name="copy" value="1"<?cs if:Form.copy == "1" ?> checked<?cs /if ?>> <?cs var:L.Plans.Copy ?></label><?cs call:field_error("copy") ?></div>
    <div class="actions wide"><button type="submit" class="button primary"><?cs var:L.Plans.Create ?></button></div>
  </form>
</section>
<?cs include:"layout/bottom.cs" ?>
