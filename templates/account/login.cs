<?cs set:Page.Title = L.Login.Title ?><?cs set:Page.Section = "login" ?><?cs include:"layout/top.cs" ?>
<section class="card login-card">
  <h1><?cs var:L.Login.Heading ?></h1>
  <p class="muted"><?cs var:L.Login.Intro ?></p>
  <?cs if:Form.Error ?><div class="alert" role="alert" id="login-error"><?cs var:Form.Error ?></div><?cs
  elif:Form.Wait ?><div class="alert" role="alert" id="login-error"><?cs var:L.Login.ThrottledBefore ?> <span id="login-wait"><?cs var:Form.Wait ?></span> <?cs var:L.Login.ThrottledAfter ?></div><?cs /if ?>
  <form method="post" action="/login" class="stack" id="login-form" novalidate>
    <?cs call:csrf_field() ?>
    <input type="hidden" name="next" value="<?cs var:Form.next ?>">
    <label for="username"><?cs var:L.Login.Username ?></label>
    <input id="username" name="username" value="<?cs var:Form.username ?>" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus<?cs if:Form.Errors.username ?> aria-invalid="true" aria-describedby="err-username"<?cs /if ?>>
    <?cs call:field_error("username") ?>
    <label for="password"><?cs var:L.Login.Password ?></label>
    <input id="password" name="password" type="password" autocomplete="current-password" required<?cs if:Form.Errors.password ?> aria-invalid="true" aria-describedby="err-password"<?cs /if ?>>
    <?cs call:field_error("password") ?>
    <button type="submit" class="button primary"><?cs var:L.Login.Submit ?></button>
  </form>
</section>
<?cs include:"layout/bottom.cs" ?>
