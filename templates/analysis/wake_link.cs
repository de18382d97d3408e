<?cs
# The customer file's way to the wake-up decision (customers/show.cs
# includes this in its header's actions): the decision page also lists the
# customer's earlier decisions, and says when the customer is not asleep.
?><a class="button" href="/analysis/wake/<?cs var:Customer.id ?>" id="wake-link"><?cs var:L.Wake.DecisionTitle ?></a>
