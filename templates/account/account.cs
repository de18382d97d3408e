<?cs set:Page.Title = L.Account.Title ?><?cs include:"layout/top.cs" ?>
<h1><?cs var:L.Account.Title ?></h1>
<section class="card" id="account-me">
  <h2><?cs var:User.Name ?></h2>
  <p class="muted"><?cs var:User.Username ?> · <?cs var:L.Role[User.Role] ?></p>
  <p><a class="button" href="/account/password" id="change-password"><?cs var:L.Account.PasswordTitle ?></a></p>
</section>
<section class="card" id="account-sessions">
  <h2><?cs var:L.Account.SessionsTitle ?></h2>
  <p class="muted"><?cs var:L.Account.SessionsText ?></p>
  <form method="post" action="/account/sessions" id="sessions-form" data-confirm="<?cs var:L.Account.SessionsConfirm ?>">
    <?cs call:csrf_field() ?>
    <button type="submit" class="button" id="end-sessions"><?cs var:L.Account.SessionsEnd ?></button>
  </form>
</section>
<section class="card" id="account-lang">
  <h2><?cs var:L.Lang.Switch ?></h2>
  <form method="post" action="/account/lang" id="account-lang-form" class="customer-form">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="back" value="/account">
    <div class="field"><label for="f-lang"><?cs var:L.Lang.Switch ?></label>
      <select id="f-lang" name="lang">
        <option value="zh-CN"<?cs if:Page.Lang != "en" ?> selected<?cs /if ?> lang="zh-CN"><?cs var:L.Lang.zh_CN ?></option>
        <option value="en"<?cs if:Page.Lang == "en" ?> selected<?cs /if ?> lang="en">English</option>
      </select></div>
    <div class="actions"><button type="submit" class="button" id="save-lang"><?cs var:L.Account.SaveLang ?></button></div>
  </form>
</section>
<?cs include:"layout/bottom.cs" ?>
