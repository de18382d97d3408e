<?cs set:Page.Title = L.Wake.DecisionTitle ?><?cs include:"layout/top.cs" ?><?cs include:"analysis/wake_macros.cs" ?>
<p class="crumb"><a href="/analysis/wake">← <?cs var:L.Wake.Title ?></a></p>
<h1><?cs var:L.Wake.DecisionTitle ?><?cs call:colon() ?><a href="/customers/<?cs var:Customer.customer_id ?>" id="customer-link"><?cs var:Customer.name ?></a></h1>
<section class="card" id="wake-customer">
  <dl class="facts">
    <div><dt><?cs var:L.Wake.Col.State ?></dt><dd id="customer-state"><?cs call:wake_state(Customer.sleep_state) ?></dd></div>
    <div><dt><?cs var:L.Wake.Col.DaysVs ?></dt><dd><?cs call:wake_days(Customer) ?></dd></div>
    <div><dt><?cs var:L.Wake.Col.Last ?></dt><dd><?cs call:dash(Customer.last_purchase_on) ?></dd></div>
    <div><dt><?cs var:L.Wake.Col.Revenue ?></dt><dd>¥<?cs var:money(Customer.revenue) ?></dd></div>
    <div><dt><?cs var:L.Wake.Col.Class ?></dt><dd><?cs call:class_badge(Customer.abc_class) ?></dd></div>
    <div><dt><?cs var:L.Wake.Col.Owner ?></dt><dd><?cs call:dash(Customer.owner) ?></dd></div>
  </dl>
</section>
<?cs if:Customer.sleep_state >= 2 ?>
<form method="post" action="/analysis/wake/<?cs var:Customer.customer_id ?>" class="card customer-form" id="wake-form" novalidate>
  <?cs call:csrf_field() ?>
  <fieldset class="form-grid">
    <legend><?cs var:L.Wake.Question ?></legend>
    <div class="field wide<?cs if:Form.Errors.decision ?> invalid<?cs /if ?>" role="radiogroup" aria-labelledby="decision-label">
      <span class="label" id="decision-label"><?cs var:L.Wake.Col.Decision ?> <span class="req" aria-hidden="true">*</span></span>
      <?cs each:d = L.Wake.Decision ?><label class="check" for="f-decision-<?cs name:d ?>"><input type="radio" id="f-decision-<?cs name:d ?>" name="decision" value="<?cs name:d ?>"<?cs if:Form.decision == name(d) ?> checked<?cs /if ?>> <?cs var:d ?></label> <?cs /each ?>
      <?cs call:field_error("decision") ?>
    </div>
    <?cs call:product_field("product_id", L.Wake.Product, 0) ?>
    <?cs call:choice_field("approach", L.Wake.ApproachLabel, L.Wake.Approach, 0) ?>
    <p class="hint wide"><?cs var:L.Wake.WakeNeeds ?></p>
    <?cs call:area_field("note", L.Wake.Note, 0) ?>
  </fieldset>
  <div class="actions">
    <button type="submit" class="button primary" id="save-decision"><?cs var:L.Wake.Save ?></button>
    <a class="button" href="/analysis/wake"><?cs var:L.Wake.Cancel ?></a>
  </div>
</form>
<?cs else ?>
<p class="empty" id="not-sleeping"><?cs var:L.Wake.Awake ?></p>
<?cs /if ?>
<?cs if:subcount(Customer.Decisions) ?>
<section class="card" id="wake-history">
  <h2><?cs var:L.Wake.History ?></h2>
  <div class="table-wrap">
  <table class="data" id="decisions">
    <thead><tr><th><?cs var:L.Wake.Col.Decided ?></th><th><?cs var:L.Wake.Col.Decision ?></th><th class="opt"><?cs var:L.Wake.AtState ?></th><th class="opt"><?cs var:L.Wake.Note ?></th><th><?cs var:L.Wake.Col.Outcome ?></th></tr></thead>
    <tbody>
    <?cs each:d = Customer.Decisions ?>
    <tr data-id="<?cs var:d.id ?>" data-outcome="<?cs var:d.outcome ?>">
      <td class="nowrap"><?cs var:d.decided_on ?> <span class="muted small"><?cs var:d.decided_by ?></span></td>
      <td><?cs var:L.Wake.Decision[d.decision] ?><?cs if:d.approach ?> · <?cs var:L.Wake.Approach[d.approach] ?><?cs /if ?><?cs if:d.product ?> · <?cs var:d.product ?><?cs /if ?></td>
      <td class="opt nowrap"><?cs call:wake_state(d.sleep_state) ?></td>
      <td class="opt"><?cs call:dash(d.note) ?></td>
      <td><?cs if:d.decision == "wake" ?><?cs var:L.Wake.Outcome[d.outcome] ?><?cs if:d.outcome_on ?> <span class="muted small nowrap"><?cs var:d.outcome_on ?><?cs if:d.outcome_by ?> <?cs var:d.outcome_by ?><?cs /if ?></span><?cs /if ?>
        <?cs if:d.outcome == "pending" ?><form method="post" action="/analysis/wake/<?cs var:d.id ?>/outcome" class="inline-actions" id="outcome-<?cs var:d.id ?>">
          <?cs call:csrf_field() ?><input type="hidden" name="version" value="<?cs var:d.version ?>">
          <button type="submit" class="button" name="outcome" value="woke"><?cs var:L.Wake.MarkWoke ?></button>
          <button type="submit" class="button" name="outcome" value="no_response"><?cs var:L.Wake.MarkNoResponse ?></button>
        </form><?cs /if ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table></div>
</section>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
