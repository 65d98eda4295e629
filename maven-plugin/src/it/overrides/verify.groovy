// The goal ran on its own, configured from the command line, with index.ftlh overridden.
def site = new File(basedir, 'target/custom-site')
def index = new File(site, 'index.html')
assert index.isFile() : "outputDirectory from -Dpalimpsest.outputDirectory: missing ${index}"
assert !new File(basedir, 'target/site').exists() : 'the default outputDirectory is not used'

def html = index.getText('UTF-8')
assert html.contains('OVERRIDDEN-INDEX-TEMPLATE') : 'index.html comes from src/templates/index.ftlh'
assert html.contains('<h1>Custom</h1>') : 'title from -Dpalimpsest.title'
assert !html.contains('Acme watch') : 'the title property wins over the project name'
assert html.contains('class="site-header"') : 'layout.ftlh still comes from the built-in templates'
assert html.contains('Acme terms of service: version 2') : 'the index lists the changes'

def history = new File(site, 'acme/terms/index.html').getText('UTF-8')
assert !history.contains('OVERRIDDEN-INDEX-TEMPLATE') : 'other pages keep their built-in templates'
assert history.contains('Custom') : 'every page carries the title'

def changes = new groovy.json.JsonSlurper().parse(new File(site, 'changes.json'), 'UTF-8')
assert changes.generated == '2026-01-01T00:00:00Z' : 'now from -Dpalimpsest.now'
