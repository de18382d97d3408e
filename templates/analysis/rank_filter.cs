<?cs # The ranked lists' filter fields (region, salesperson, class); the page adds its own before the button. The churn page shares the region. ?><?cs
def:region_select() ?><?cs
  if:User.Role != "regional_manager" || subcount(Regions) > 1 ?><?cs call:filter_region(L.Rank.Region, L.Rank.AllRegions, Regions) ?><?cs
  else ?><?cs call:filter_region(L.Rank.Region, "", Regions) ?><?cs /if ?><?cs
/def ?><?cs
def:rank_filter_fields() ?><?cs call:region_select() ?>
  <label class="sr-only" for="owner"><?cs var:L.Rank.Owner ?></label>
  <select id="owner" name="owner">
    <option value=""><?cs var:L.Rank.AllOwners ?></option>
    <?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:o.id == Filter.owner ?> selected<?cs /if ?>><?cs var:o.display_name ?></option><?cs /each ?>
  </select>
  <?cs call:filter_select("class", L.Rank.Class, L.Rank.AllClasses, L.AbcName, 1) ?><?cs
/def ?><?cs
def:run_as_of() ?><?cs if:Run.as_of ?><?cs var:L.Rank.AsOf ?> <strong id="as-of"><?cs var:Run.as_of ?></strong><?cs else ?><span id="no-run"><?cs var:L.Rank.NoRun ?></span><?cs /if ?><?cs /def ?>
