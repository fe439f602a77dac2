// After the consumer ran: its output, its cache file, and what a repository would publish.
import java.util.jar.JarFile
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').getText('UTF-8')
def line = log =~ /consumer: SPY return (-?[0-9.]+) volatility ([0-9.]+)/
if (!line.find()) {
  throw new IllegalStateException('the consumer printed no risk profile; see build.log')
}
if (!(Double.parseDouble(line.group(2)) > 0)) {
  throw new IllegalStateException("the consumer's volatility is not positive: ${line.group(0)}")
}
def cache = new File(basedir, 'target/cache.db')
if (!cache.isFile() || cache.length() == 0) {
  throw new IllegalStateException('the SQLite cache was not written: the cache provider was not found')
}

// The BOM as installed (and deployed): flattened, without the parent's dependencyManagement.
def bomPom = new File(localRepositoryPath,
    "io/scrilla/scrilla-bom/${projectVersion}/scrilla-bom-${projectVersion}.pom")
def bomXml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(bomPom).documentElement
if (bomXml.getElementsByTagName('parent').length != 0) {
  throw new IllegalStateException('the installed scrilla-bom has a parent: importing it would'
      + ' manage third-party versions too')
}

// Each library module (listed by prebuild.groovy): jar, sources and Javadoc, a module name.
def libraries = new Properties()
new File(basedir, 'libraries.properties').withReader('UTF-8') { libraries.load(it) }
def names = [] as Set
libraries.each { a, dir ->
  ['', '-sources', '-javadoc'].each { c ->
    def f = new File(dir, "target/${a}-${projectVersion}${c}.jar")
    if (!f.isFile()) {
      throw new IllegalStateException("${a}: no ${f.name}")
    }
  }
  def name = new JarFile(new File(dir, "target/${a}-${projectVersion}.jar")).withCloseable {
    it.manifest.mainAttributes.getValue('Automatic-Module-Name')
  }
  if (!(name ==~ /[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+/) || !names.add(name)) {
    throw new IllegalStateException("${a}: bad or repeated Automatic-Module-Name '${name}'")
  }
}
println "${line.group(0)}; module names ${names.sort()}"
return true
