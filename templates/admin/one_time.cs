<?cs set:Page.Title = L.Admin.OneTimeTitle ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/admin/users">← <?cs var:L.Admin.Users ?></a></p>
<h1><?cs var:L.Admin.OneTimeTitle ?></h1>
<section class="card" id="one-time">
  <p><?cs if:OneTime.What == "created" ?><?cs var:L.Admin.CreatedText ?><?cs else ?><?cs var:L.Admin.ResetDone ?><?cs /if ?></p>
  <dl class="facts">
    <div><dt><?cs var:L.Admin.Username ?></dt><dd class="mono" id="one-time-user"><?cs var:OneTime.Username ?></dd></div>
    <div><dt><?cs var:L.Admin.OneTimePassword ?></dt><dd class="mono one-time" id="one-time-password"><?cs var:OneTime.Password ?></dd></div>
  </dl>
  <p class="hint"><?cs var:L.Admin.OneTimeOnce ?></p>
  <div class="actions"><a class="button" href="/admin/users/<?cs var:OneTime.Id ?>"><?cs var:L.Admin.BackToUser ?></a> <a class="button" href="/admin/users"><?cs var:L.Admin.Users ?></a></div>
</section>
<?cs include:"layout/bottom.cs" ?>
