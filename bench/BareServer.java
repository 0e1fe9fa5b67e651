// The benchmark's ceiling: the same HTTP core as Pomona (Jetty 12 core Handler API, the thread
// pool and HTTP settings of io.pomona.http.JettyServer), with no routing, authentication or
// storage, answering every request with fixed bytes — a document captured from Pomona's own answer
// to the request being measured, so both send the same number of bytes.
//
//   java -cp server/target/pomona.jar bench/BareServer.java <port> <file>
import io.pomona.http.JettyServer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

public class BareServer {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    byte[] document = Files.readAllBytes(Path.of(args[1]));
    Server server = new Server(JettyServer.newThreadPool());
    ServerConnector connector =
        new ServerConnector(server, new HttpConnectionFactory(JettyServer.newHttpConfiguration()));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    // Blocking, like Pomona's handler, so requests are dispatched to the pool the same way.
    server.setHandler(new Handler.Abstract(Handler.Abstract.InvocationType.BLOCKING) {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Content.Source.consumeAll(request);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, document.length);
        response.write(true, ByteBuffer.wrap(document), callback);
        return true;
      }
    });
    server.start();
    System.out.println("bare server on port " + port + ", " + document.length + " bytes per answer");
    server.join();
  }
}
