</main>
<footer class="footer"><div class="container"><?cs var:L.Footer ?></div></footer>
</body>
</html>
