<?cs set:Page.Title = L.Account.PasswordTitle ?><?cs include:"layout/top.cs" ?>
<?cs if:!Account.MustChange ?><p class="crumb"><a href="/account">← <?cs var:L.Account.Title ?></a></p><?cs /if ?>
<h1><?cs var:L.Account.PasswordTitle ?></h1>
<?cs if:Account.MustChange ?><div class="alert" role="alert" id="must-change"><?cs var:L.Account.MustChangeText ?></div><?cs /if ?>
<form method="post" action="/account/password" class="card customer-form" id="password-form" novalidate>
  <?cs call:csrf_field() ?>
  <fieldset class="form-grid">
    <legend><?cs var:L.Account.PasswordTitle ?></legend>
    <p class="hint wide" id="password-rules"><?cs var:L.Account.PasswordRules ?></p>
    <?cs call:text_field("current_password", L.Account.Current, "password", 1) ?>
    <?cs call:text_field("new_password", L.Account.New, "password", 1) ?>
    <?cs call:text_field("new_password2", L.Account.Again, "password", 1) ?>
  </fieldset>
  <div class="actions">
    <button type="submit" class="button primary" id="save-password"><?cs var:L.Account.SavePassword ?></button>
    <?cs if:!Account.MustChange ?><a class="button" href="/account"><?cs var:L.Account.Cancel ?></a><?cs /if ?>
  </div>
</form>
<?cs include:"layout/bottom.cs" ?>
