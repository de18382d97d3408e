<?cs set:Page.Title = L.Public.Form.Title ?><?cs include:"complaint_public/top.cs" ?>
<?cs # One column on a phone; the grid opens to two or three at desktop width. ?>
<div class="public-page">
<h1><?cs var:L.Public.Form.Title ?></h1>
<p class="muted"><?cs var:L.Public.Form.Intro ?></p>
<?cs call:public_form_errors() ?>
<form method="post" action="/complaint" enctype="multipart/form-data" class="card public-form" id="complaint-form" data-intake novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="idem" value="<?cs var:Form.idem ?>">
  <?cs include:"complaint_public/fields.cs" ?>
  <fieldset class="form-grid">
    <legend><?cs var:L.Public.Form.Files ?></legend>
    <p class="hint wide" id="files-hint"><?cs var:L.Public.Form.FilesHint ?></p>
    <?cs loop:i = 1, 3, 1 ?><?cs set:fname = "file" + i ?>
    <div class="field<?cs if:Form.Errors[fname] ?> invalid<?cs /if ?>"><label for="f-<?cs var:fname ?>"><?cs var:L.Public.Field.file ?> <?cs var:i ?></label><input id="f-<?cs var:fname ?>" name="<?cs var:fname ?>" type="file" accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf" aria-describedby="files-hint<?cs if:Form.Errors[fname] ?> err-<?cs var:fname ?><?cs /if ?>"<?cs if:Form.Errors[fname] ?> aria-invalid="true"<?cs /if ?>><?cs call:field_error(fname) ?></div>
    <?cs /loop ?>
  </fieldset>
  <div class="hp" aria-hidden="true">
    <label for="f-referral_code"><?cs var:L.Public.Form.LeaveEmpty ?></label>
    <input id="f-referral_code" name="referral_code" type="text" value="" tabindex="-1" autocomplete="off">
  </div>
  <div class="actions">
    <button type="submit" class="button primary" id="submit-complaint"><?cs var:L.Public.Form.Submit ?></button>
    <a href="/complaint/status"><?cs var:L.Public.Form.CheckStatus ?></a>
  </div>
</form>
</div>
<?cs include:"complaint_public/bottom.cs" ?>
