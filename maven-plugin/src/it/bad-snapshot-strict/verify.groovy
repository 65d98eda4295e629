// With strict, a badly named snapshot fails the build, names the file, and nothing is written.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.readLines().any { it.startsWith('[WARNING]') && it.contains('not-a-date.txt') } : 'the problem is logged as a warning'
assert log.readLines().any { it.startsWith('[ERROR]') && it.contains('strict') } : 'the failure says why'
assert log =~ /(?s)\[ERROR\].*no site was written:\s+\S*not-a-date\.txt: / : 'the failure names the file'
assert !new File(basedir, 'target/site/index.html').exists() : 'no site was written'
