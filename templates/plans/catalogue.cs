<?cs set:Page.Title = L.Plans.Catalogue ?><?cs include:"layout/top.cs" ?><?cs include:"plans/macros.cs" ?>
<p class="crumb"><a href="/plans">← <?cs var:L.Plans.Back ?></a></p>
<div class="page-head"><h1><?cs var:L.Plans.Catalogue ?></h1></div>
<p class="muted"><?cs var:L.Plans.CatalogueIntro ?></p>
<?cs each:c = Categories ?>
<section class="card catalogue-cat" id="cat-<?cs var:c.code ?>">
  <h2><?cs var:c.id ?> · <?cs call:lang_name(c) ?></h2>
  <div class="table-wrap"><table class="data compact catalogue" id="measures-<?cs var:c.id ?>">
    <thead><tr><th><?cs var:L.Plans.Code ?></th><th><?cs var:L.Plans.Name ?></th><th><?cs var:L.Plans.DevelopsPeople ?></th><th class="num"><?cs var:L.Plans.InUse ?></th><th><?cs var:L.Plans.Status ?></th><?cs if:User.Role == "admin" ?><th><span class="sr-only"><?cs var:L.Plans.Actions ?></span></th><?cs /if ?></tr></thead>
    <tbody><?cs each:m = Measures ?><?cs if:m.category_id == c.id ?><tr data-measure="<?cs var:m.id ?>"<?cs if:m.retired == "1" ?> class="retired"<?cs /if ?>>
      <td class="mono nowrap"><?cs var:m.code ?></td>
      <td><?cs call:lang_name(m) ?></td>
      <td><?cs if:m.develops_people == "1" ?><span class="tag ok people"><?cs var:L.Plans.DevelopsPeople ?></span><?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="num"><?cs var:m.in_use ?></td>
      <td class="nowrap"><?cs if:m.retired == "1" ?><span class="tag"><?cs var:L.Plans.Retired ?></span><?cs else ?><span class="tag ok"><?cs var:L.Plans.Active ?></span><?cs /if ?></td>
      <?cs if:User.Role == "admin" ?><td><details<?cs if:Form.measure == m.id ?> open<?cs /if ?>><summary class="button small"><?cs var:L.Plans.EditMeasure ?></summary>
        <form method="post" action="/plans/catalogue/<?cs var:m.id ?>" class="form-grid measure-form" id="measure-form-<?cs var:m.id ?>" novalidate>
          <?cs call:csrf_field() ?>
          <div class="field"><label for="zh-<?cs var:m.id ?>"><?cs var:L.Plans.NameZh ?></label><input id="zh-<?cs var:m.id ?>" name="name_zh" value="<?cs if:Form.measure == m.id ?><?cs var:Form.name_zh ?><?cs else ?><?cs var:m.name_zh ?><?cs /if ?>" required><?cs if:Form.measure == m.id ?><?cs call:field_error("name_zh") ?><?cs /if ?></div>
          <div class="field"><label for="en-<?cs var:m.id ?>"><?cs var:L.Plans.NameEn ?></label><input id="en-<?cs var:m.id ?>" name="name_en" value="<?cs if:Form.measure == m.id ?><?cs var:Form.name_en ?><?cs else ?><?cs var:m.name_en ?><?cs /if ?>" required><?cs if:Form.measure == m.id ?><?cs call:field_error("name_en") ?><?cs /if ?></div>
          <label class="check"><input type="checkbox" name="develops_people" value="1"<?cs if:m.develops_people == "1" ?> checked<?cs /if ?>> <?cs var:L.Plans.DevelopsPeopleLong ?></label>
          <label class="check"><input type="checkbox" name="retired" value="1"<?cs if:m.retired == "1" ?> checked<?cs /if ?>> <?cs var:L.Plans.Retired ?></label>
          <div class="actions wide"><button type="submit" class="button primary"><?cs var:L.Plans.Save ?></button></div>
        </form></details></td><?cs /if ?>
    </tr><?cs /if ?><?cs /each ?></tbody>
  </table></div>
</section>
<?cs /each ?>
<?cs if:User.Role == "admin" ?>
<section class="card" id="add-measure">
  <h2><?cs var:L.Plans.AddMeasure ?></h2>
  <form method="post" action="/plans/catalogue" class="form-grid" id="add-measure-form" novalidate>
    <?cs call:csrf_field() ?>
    <div class="field<?cs if:Form.Errors.category_id ?> invalid<?cs /if ?>"><label for="f-category_id"><?cs var:L.Plans.Category ?> <span class="req" aria-hidden="true">*</span></label><select id="f-category_id" name="category_id"><option value="">—</option><?cs each:c = Categories ?><option value="<?cs var:c.id ?>"<?cs if:Form.category_id == c.id ?> selected<?cs /if ?>><?cs var:c.id ?> <?cs call:lang_name(c) ?></option><?cs /each ?></select><?cs call:field_error("category_id") ?></div>
    <?cs if:!Form.measure ?><?cs call:text_field("name_zh", L.Plans.NameZh, "text", 1) ?><?cs call:text_field("name_en", L.Plans.NameEn, "text", 1) ?><?cs /if ?>
    <label class="check wide"><input type="checkbox" name="develops_people" value="1"> <?cs var:L.Plans.DevelopsPeopleLong ?></label>
    <div class="actions wide"><button type="submit" class="button primary"><?cs var:L.Plans.Add ?></button></div>
  </form>
</section>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
