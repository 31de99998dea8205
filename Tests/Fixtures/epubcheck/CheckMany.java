// Runs epubcheck on several EPUB files in one JVM (a JVM start costs about 11 s here).
// Usage: java -cp /usr/share/java/epubcheck.jar CheckMany.java a.epub b.epub …
// Prints epubcheck's messages, then one line per file: RESULT <file> errors=N warnings=N fatal=N
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class CheckMany {
  public static void main(String[] args) {
    for (String path : args) {
      DefaultReportImpl report = new DefaultReportImpl(path);
      new EpubCheck(new File(path), report).validate();
      System.out.println("RESULT " + path + " errors=" + report.getErrorCount() + " warnings=" + report.getWarningCount()
          + " fatal=" + report.getFatalErrorCount());
    }
  }
}
