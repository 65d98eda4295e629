// A badly named snapshot is reported as a warning with its path; the rest of the site is built.
def log = new File(basedir, 'build.log').getText('UTF-8')
def warning = log.readLines().find { it.startsWith('[WARNING]') && it.contains('not-a-date.txt') }
assert warning : 'build.log has a warning naming the bad file'
assert warning.contains('acme') && warning =~ /not-a-date\.txt: \S/ : "warning reads 'path: reason': ${warning}"
assert log.contains('1 input(s) skipped') : 'the summary counts the skipped input'

def index = new File(basedir, 'target/site/index.html')
assert index.isFile() : 'the site is still written'
assert index.getText('UTF-8').contains('Acme terms of service') : 'the good snapshots are built'
def versions = new File(basedir, 'target/site/acme/terms/versions')
assert versions.list().sort() == ['1.html', '2.html'] : 'the bad file is no version'
