// palimpsest.skip says so in the log and writes nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Palimpsest site generation skipped') : 'the log says it skipped'
assert !new File(basedir, 'target/site').exists() : 'no site was written'
