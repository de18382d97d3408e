<?cs set:Page.Title = L.Home.Title ?><?cs include:"layout/top.cs" ?>
<h1><?cs var:L.Home.Welcome ?><?cs if:Page.Lang == "en" ?> <?cs /if ?><?cs var:User.Name ?></h1>
<form method="get" action="/customers" class="searchbar" role="search">
  <label class="sr-only" for="home-q"><?cs var:L.Home.SearchHint ?></label>
  <input id="home-q" name="q" type="search" placeholder="<?cs var:L.Home.SearchHint ?>">
  <button type="submit" class="button primary"><?cs var:L.Customers.Search ?></button>
</form>
<div class="stats">
  <a class="stat" href="/customers"><span class="stat-value"><?cs var:Home.customers ?></span><span class="stat-label"><?cs var:L.Home.Customers ?></span></a>
  <div class="stat"><span class="stat-value"><?cs var:Home.mine ?></span><span class="stat-label"><?cs var:L.Home.Mine ?></span></div>
  <div class="stat<?cs if:Home.open_complaints > 0 ?> warn<?cs /if ?>"><span class="stat-value"><?cs var:Home.open_complaints ?></span><span class="stat-label"><?cs var:L.Home.OpenComplaints ?></span></div>
</div>
<p class="muted"><?cs var:L.Home.Next ?></p>
<?cs include:"layout/bottom.cs" ?>
