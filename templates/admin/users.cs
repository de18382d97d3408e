<?cs set:Page.Title = L.Admin.Users ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/admin">← <?cs var:L.Admin.Title ?></a></p>
<div class="page-head"><h1><?cs var:L.Admin.Users ?></h1><a class="button primary" href="/admin/users/new" id="new-user"><?cs var:L.Admin.NewUser ?></a></div>
<div class="table-wrap"><table class="data" id="users">
    <thead><tr><th><?cs var:L.Admin.Username ?></th><th><?cs var:L.Admin.DisplayName ?></th><th><?cs var:L.Admin.Role ?></th><th><?cs var:L.Admin.UserRegions ?></th><th><?cs var:L.Admin.Status ?></th></tr></thead>
    <tbody><?cs each:u = Users ?><tr data-user="<?cs var:u.username ?>"<?cs if:u.active != "1" ?> class="retired"<?cs /if ?>>
      <td class="mono"><a href="/admin/users/<?cs var:u.id ?>"><?cs var:u.username ?></a></td>
      <td><?cs var:u.display_name ?></td>
      <td class="nowrap"><?cs var:L.Role[u.role] ?></td>
      <td><?cs if:u.role == "regional_manager" ?><?cs each:g = Regions ?><?cs if:string.find("," + u.region_list + ",", "," + g.id + ",") >= 0 ?><span class="tag"><?cs call:region_label(g) ?></span> <?cs /if ?><?cs /each ?><?cs else ?><span class="muted"><?cs var:L.Admin.AllRegions ?></span><?cs /if ?></td>
      <td class="nowrap"><?cs if:u.active == "1" ?><span class="tag ok"><?cs var:L.Admin.Active ?></span><?cs else ?><span class="tag"><?cs var:L.Admin.Disabled ?></span><?cs /if ?></td>
    </tr><?cs /each ?></tbody>
</table></div>
<?cs include:"layout/bottom.cs" ?>
