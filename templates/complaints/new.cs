<?cs set:Page.Title = L.Complaints.NewTitle ?><?cs include:"layout/top.cs" ?>
<?cs # Staff take a complaint by phone, hotline, letter, visit or email
  (issue 15): the public form's fields (complaint_public/fields.cs) with the channel
  and, when known, the customer file, found first with the search below. ?>
<p class="crumb"><a href="/complaints">← <?cs var:L.Complaints.QueueTitle ?></a></p>
<h1><?cs var:L.Complaints.NewTitle ?></h1>
<p class="muted intake-intro"><?cs var:L.Complaints.NewIntro ?></p>
<section class="card intake-customer<?cs if:Form.Errors.customer_id ?> invalid<?cs /if ?>" id="f-customer_id" aria-labelledby="customer-part">
  <h2 id="customer-part"><?cs var:L.Complaints.CustomerPart ?></h2>
  <?cs if:Customer.id ?>
  <p id="customer-chosen"><?cs var:L.Complaints.CustomerChosen ?>：<a href="/customers/<?cs var:Customer.id ?>"><?cs var:Customer.name ?></a> <span class="muted mono"><?cs var:Customer.code ?></span> <span class="muted"><?cs call:region_name(Customer) ?><?cs if:Customer.city ?> · <?cs var:Customer.city ?><?cs /if ?></span>
    <a href="/complaints/new" class="small" id="customer-clear"><?cs var:L.Complaints.CustomerChange ?></a></p>
  <?cs else ?>
  <form method="get" action="/complaints/new" class="match-code" role="search" id="customer-find">
    <div class="field"><label for="f-q"><?cs var:L.Complaints.CustomerFind ?></label><input id="f-q" name="q" type="search" value="<?cs var:Search.q ?>"></div>
    <button type="submit" class="button" id="customer-find-button"><?cs var:L.Complaints.CustomerFindButton ?></button>
  </form>
  <?cs if:Search.q ?><?cs if:subcount(Customers) ?>
  <ul class="suggestions" id="customer-results"><?cs each:c = Customers ?><li>
    <a href="/complaints/new?customer_id=<?cs var:c.id ?>" class="button small-button" id="pick-<?cs var:c.id ?>"><?cs var:L.Complaints.CustomerPick ?></a>
    <strong><?cs var:c.name ?></strong> <span class="muted mono"><?cs var:c.code ?></span> <span class="muted small"><?cs call:region_name(c) ?><?cs if:c.city ?> · <?cs var:c.city ?><?cs /if ?><?cs if:c.phone ?> · <?cs var:c.phone ?><?cs /if ?></span></li><?cs /each ?></ul>
  <?cs else ?><p class="muted" id="customer-none"><?cs var:L.Complaints.CustomerNone ?></p><?cs /if ?><?cs /if ?>
  <p class="hint"><?cs var:L.Complaints.CustomerHint ?></p>
  <?cs /if ?>
  <?cs call:field_error("customer_id") ?>
</section>
<?cs set:Intake.ExpectedLabel = L.Complaints.Expected ?><?cs set:Intake.ExpectedHint = L.Complaints.ExpectedHint ?>
<form method="post" action="/complaints/new" class="card public-form intake-form" id="intake-form" data-intake novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="idem" value="<?cs var:Form.idem ?>">
  <?cs if:Customer.id ?><input type="hidden" name="customer_id" value="<?cs var:Customer.id ?>"><?cs /if ?>
  <fieldset class="form-grid">
    <legend><?cs var:L.Complaints.TakenHow ?></legend>
    <fieldset class="field wide choice-group<?cs if:Form.Errors.source ?> invalid<?cs /if ?>" id="f-source">
      <legend><?cs var:L.Complaints.Source ?> <span class="req" aria-hidden="true">*</span></legend>
      <div class="choices">
        <?cs each:k = L.ComplaintSource ?><?cs if:name(k) != "web" && name(k) != "staff" ?><label class="choice"><input type="radio" name="source" value="<?cs name:k ?>"<?cs if:Form.source == name(k) ?> checked<?cs /if ?>> <?cs var:k ?></label><?cs /if ?><?cs /each ?>
      </div>
      <?cs call:field_error("source") ?>
    </fieldset>
    <div class="field"><span class="label"><?cs var:L.Complaints.TakenBy ?></span> <span id="taken-by"><?cs var:User.Name ?></span></div>
  </fieldset>
  <?cs include:"complaint_public/fields.cs" ?>
  <div class="actions">
    <button type="submit" class="button primary" id="register-complaint"><?cs var:L.Complaints.Register ?></button>
    <a class="button" href="/complaints"><?cs var:L.Edit.Cancel ?></a>
  </div>
</form>
<?cs set:Page.Scripts.0 = "/static/complaint.js" ?>
<?cs include:"layout/bottom.cs" ?>
