<?cs set:Page.Title = L.Admin.Title ?><?cs include:"layout/top.cs" ?>
<h1><?cs var:L.Admin.Title ?></h1>
<p class="muted"><?cs var:L.Admin.Intro ?></p>
<div class="admin-cards">
  <section class="card" id="admin-users"><h2><a href="/admin/users"><?cs var:L.Admin.Users ?></a></h2><p class="muted"><?cs var:L.Admin.UsersIntro ?></p></section>
  <section class="card" id="admin-products"><h2><a href="/admin/products"><?cs var:L.Admin.Products ?></a></h2><p class="muted"><?cs var:L.Admin.ProductsIntro ?></p></section>
  <section class="card" id="admin-regions"><h2><a href="/admin/regions"><?cs var:L.Admin.Regions ?></a></h2><p class="muted"><?cs var:L.Admin.RegionsIntro ?></p></section>
  <section class="card" id="admin-outbox"><h2><a href="/admin/outbox"><?cs var:L.Outbox.Title ?></a></h2><p class="muted"><?cs var:L.Outbox.Card ?></p></section>
  <section class="card" id="admin-calendar"><h2><a href="/admin/calendar"><?cs var:L.Admin.Calendar ?></a></h2><p class="muted"><?cs var:L.Admin.CalendarCard ?></p></section>
</div>
<?cs include:"layout/bottom.cs" ?>
