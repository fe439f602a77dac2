// Before the consumer is built: checks that scrilla-bom names exactly the published library
// modules, then pastes README.md's dependency block into the consumer's pom.
import javax.xml.parsers.DocumentBuilderFactory

def root = new File(rootDir).canonicalFile

def parse = { File f -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f).documentElement }
def child = { el, String name ->
  if (el == null) return null
  def nodes = el.childNodes
  (0..<nodes.length).collect { nodes.item(it) }.find { it.nodeName == name }
}
def children = { el, String name ->
  if (el == null) return []
  def nodes = el.childNodes
  (0..<nodes.length).collect { nodes.item(it) }.findAll { it.nodeName == name }
}
def text = { el, String name -> child(el, name)?.textContent?.trim() }
def managedArtifacts = { el ->
  children(child(el, 'dependencies'), 'dependency')
      .findAll { text(it, 'groupId') == 'io.scrilla' }
      .collect { text(it, 'artifactId') } as Set
}

// Published library modules: jar modules of the reactor that are deployed and not marked as an
// application (property scrilla.library = false, e.g. scrilla-cli).
def libraries = [:]
children(child(parse(new File(root, 'pom.xml')), 'modules'), 'module').each { m ->
  def dir = m.textContent.trim()
  def pom = parse(new File(root, "${dir}/pom.xml"))
  def props = child(pom, 'properties')
  def packaging = text(pom, 'packaging') ?: 'jar'
  if (packaging == 'jar' && text(props, 'maven.deploy.skip') != 'true'
      && text(props, 'scrilla.library') != 'false') {
    libraries[text(pom, 'artifactId')] = new File(root, dir).path
  }
}
def bom = managedArtifacts(child(parse(new File(root, 'scrilla-bom/pom.xml')), 'dependencyManagement'))
def missing = libraries.keySet() - bom
def extra = bom - libraries.keySet()
if (missing || extra) {
  throw new IllegalStateException("scrilla-bom/pom.xml must manage exactly the published library"
      + " modules: add ${missing ?: 'none'}, remove ${extra ?: 'none'} (a module that is not a"
      + " library sets the property scrilla.library to false)")
}
def installed = managedArtifacts(parse(new File(root, 'consumer-test/pom.xml')))
if (!installed.containsAll(bom)) {
  throw new IllegalStateException("consumer-test/pom.xml must depend on every module of"
      + " scrilla-bom so that the consumer can use it: add ${bom - installed}")
}

// verify.groovy checks each library module's build output
new File(basedir, 'libraries.properties').withWriter('UTF-8') { w ->
  def p = new Properties()
  p.putAll(libraries)
  p.store(w, null)
}

// The README's block, exactly as a user copies it.
def readme = new File(root, 'README.md').getText('UTF-8')
def section = readme.split(/(?m)^## /).find { it.startsWith('Using the library') }
if (section == null) {
  throw new IllegalStateException('README.md has no "## Using the library" section')
}
def block = section =~ /(?s)```xml\n(.*?)```/
if (!block.find()) {
  throw new IllegalStateException('README.md\'s "Using the library" section has no xml block')
}
def consumerPom = new File(basedir, 'pom.xml')
def pomText = consumerPom.getText('UTF-8')
def marker = '<!-- README dependencies -->'
if (!pomText.contains(marker)) {
  throw new IllegalStateException("the consumer's pom.xml lost its marker ${marker}")
}
consumerPom.write(pomText.replace(marker, block.group(1)), 'UTF-8')
println "consumer: README block pasted; scrilla-bom manages ${bom.sort()}"
return true
