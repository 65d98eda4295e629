// The execution bound to package built the whole site from snapshots/ into target/site.
def site = new File(basedir, 'target/site')
def read = { String path ->
    def file = new File(site, path)
    assert file.isFile() : "missing ${file}"
    file.getText('UTF-8')
}

def index = read('index.html')
assert index.contains('Acme watch') : 'the site title defaults to the project name'
assert index.contains('Acme terms of service') : 'title from document.properties'
assert index.contains('Acme privacy notice') : 'title from the Markdown heading'

def history = read('acme/terms/index.html')
assert history.contains('Acme terms of service') : 'history page title'
assert history.contains('diffs/1-2.html') : 'the history page links to its diff'

def diff = read('acme/terms/diffs/1-2.html')
assert diff.contains('data-side="old"') && diff.contains('data-side="new"') : 'diff page marks both sides'
assert diff =~ /<ins>[^<]*thirty/ : 'the added words are marked'

assert read('acme/terms/versions/2.html').contains('thirty days notice') : 'version page holds the text'
assert read('acme/privacy/diffs/1-2.html').contains('postcode') : 'Markdown diff page holds the change'

def feed = read('feed.xml')
assert feed.contains('Acme terms of service: version 2') : 'feed entry for the text document'
assert feed.contains('Acme privacy notice: version 2') : 'feed entry for the Markdown document'

def changes = new groovy.json.JsonSlurper().parseText(read('changes.json'))
assert changes.generated == '2026-04-01T00:00:00Z' : 'now comes from the configuration'
assert changes.changes*.diff as Set == ['acme/terms/diffs/1-2.html', 'acme/privacy/diffs/1-2.html'] as Set : "changes: ${changes.changes*.diff}"
assert changes.changes*.title as Set == ['Acme terms of service', 'Acme privacy notice'] as Set : "titles: ${changes.changes*.title}"

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Built 2 document(s) from 1 source(s)') : 'the summary is logged at info'
assert !log.readLines().any { it.startsWith('[WARNING]') && it.contains('acme') } : 'a clean input logs no problems'
