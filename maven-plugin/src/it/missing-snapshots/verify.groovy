// Without a snapshot folder no site can be built: a failure that says which folder is missing.
def log = new File(basedir, 'build.log').getText('UTF-8')
def error = log.readLines().find { it.startsWith('[ERROR]') && it.contains('No Palimpsest site could be built') }
assert error : 'build.log has a clear failure'
assert error.contains('snapshots') : "the failure names the folder: ${error}"
assert !log.contains('Palimpsest failed unexpectedly') : 'a user error, not an internal one'
assert !new File(basedir, 'target/site').exists() : 'no site was written'
