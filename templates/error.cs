<?cs set:Page.Title = L.Error.Status[Error.Status] ?><?cs include:"layout/top.cs" ?>
<section class="card error-card">
  <p class="error-code"><?cs var:Error.Status ?></p>
  <h1><?cs var:L.Error.Status[Error.Status] ?></h1>
  <p><?cs alt:L.Error.Text[Error.Key] ?><?cs var:L.Error.Text[Error.Status] ?><?cs /alt ?></p>
  <p><?cs if:Error.Back ?><a class="button primary" href="<?cs var:Error.Back ?>" id="error-back"><?cs var:L.Error.BackTo[Error.BackLabel] ?></a> <?cs /if ?><a class="button" href="/"><?cs var:L.Error.Home ?></a></p>
</section>
<?cs include:"layout/bottom.cs" ?>
