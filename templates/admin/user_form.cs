<?cs if:Form.id ?><?cs set:Page.Title = L.Admin.EditUser ?><?cs else ?><?cs set:Page.Title = L.Admin.NewUser ?><?cs /if ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/admin/users">← <?cs var:L.Admin.Users ?></a></p>
<h1><?cs var:Page.Title ?><?cs if:Form.id ?> · <span class="mono"><?cs var:Form.username ?></span><?cs /if ?></h1>
<?cs if:Form.Conflict ?><div class="alert" role="alert" id="conflict"><p><?cs var:L.Admin.Conflict ?></p>
  <p id="conflict-current"><?cs var:Current.display_name ?> · <?cs var:L.Role[Current.role] ?> · <?cs if:Current.active == "1" ?><?cs var:L.Admin.Active ?><?cs else ?><?cs var:L.Admin.Disabled ?><?cs /if ?></p></div><?cs /if ?>
<form method="post" action="<?cs if:Form.id ?>/admin/users/<?cs var:Form.id ?><?cs else ?>/admin/users<?cs /if ?>" class="card customer-form" id="user-form" novalidate>
  <?cs call:csrf_field() ?>
  <?cs if:Form.id ?><input type="hidden" name="version" value="<?cs var:Form.version ?>"><?cs /if ?>
  <fieldset class="form-grid">
    <legend><?cs var:L.Admin.Account ?></legend>
    <?cs if:!Form.id ?><?cs call:text_field("username", L.Admin.Username, "text", 1) ?><?cs /if ?>
    <?cs call:text_field("display_name", L.Admin.DisplayName, "text", 1) ?>
    <?cs call:choice_field("role", L.Admin.Role, L.Role, 1) ?>
    <?cs call:text_field("email", L.Admin.Email, "email", 0) ?>
    <?cs call:text_field("phone", L.Admin.Phone, "tel", 0) ?>
    <?cs if:Form.id ?><div class="field<?cs if:Form.Errors.active ?> invalid<?cs /if ?>"><label class="check" for="f-active"><input type="checkbox" id="f-active" name="active" value="1"<?cs if:Form.active == "1" ?> checked<?cs /if ?>> <?cs var:L.Admin.ActiveLong ?></label><?cs call:field_error("active") ?></div><?cs /if ?>
  </fieldset>
  <fieldset class="form-grid<?cs if:Form.Errors.regions ?> invalid<?cs /if ?>" id="f-regions">
    <legend><?cs var:L.Admin.UserRegions ?></legend>
    <p class="hint wide"><?cs var:L.Admin.RegionsHint ?></p>
    <?cs each:g = Regions ?><label class="check"><input type="checkbox" name="region_<?cs var:g.id ?>" value="1"<?cs if:Form.regions[g.id] ?> checked<?cs /if ?>> <?cs call:region_label(g) ?></label><?cs /each ?>
    <div class="wide"><?cs call:field_error("regions") ?></div>
  </fieldset>
  <?cs if:!Form.id ?><p class="hint" id="one-time-hint"><?cs var:L.Admin.OneTimeHint ?></p><?cs /if ?>
  <div class="actions">
    <button type="submit" class="button primary" id="save-user"><?cs if:Form.id ?><?cs var:L.Admin.Save ?><?cs else ?><?cs var:L.Admin.Create ?><?cs /if ?></button>
    <a class="button" href="/admin/users"><?cs var:L.Admin.Cancel ?></a>
  </div>
</form>
<?cs if:Form.id ?>
<section class="card" id="reset-password">
  <h2><?cs var:L.Admin.ResetTitle ?></h2>
  <p class="muted"><?cs var:L.Admin.ResetText ?></p>
  <form method="post" action="/admin/users/<?cs var:Form.id ?>/password" id="reset-form" data-confirm="<?cs var:L.Admin.ResetConfirm ?>">
    <?cs call:csrf_field() ?>
    <button type="submit" class="button" id="reset-user-password"><?cs var:L.Admin.Reset ?></button>
  </form>
</section>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
