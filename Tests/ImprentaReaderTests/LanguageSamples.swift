// Short paragraphs written for these tests (no text copied from anywhere), one topic told in
// each language the detector knows by name: a library opening, installing a program, a dry winter.

enum LanguageSamples {
  /// Paragraphs by language tag.
  static let paragraphs: [(tag: String, text: String)] = [
    ("es", "El ayuntamiento abrió ayer la nueva biblioteca del barrio, que tiene una sala para niños y otra con ordenadores. Los vecinos llevaban años pidiendo un lugar tranquilo donde estudiar, y muchos se acercaron por la tarde para ver los libros y apuntarse a los talleres de lectura."),
    ("es", "Para instalar el programa basta con descargar el archivo y ejecutarlo desde la terminal. Si aparece un error, revisa que tengas permisos de escritura en la carpeta y vuelve a intentarlo. También puedes consultar la guía, donde explicamos cada paso con ejemplos sencillos."),
    ("es", "Durante el invierno las lluvias fueron escasas y los agricultores temen que la cosecha de este año sea peor que la anterior. Según los técnicos, el nivel de los embalses está por debajo de la mitad y será necesario reducir el consumo de agua en las próximas semanas."),
    ("en", "The city council opened the new neighbourhood library yesterday, with a room for children and another one full of computers. Residents had been asking for a quiet place to study for years, and many of them came by in the afternoon to look at the books and sign up for reading workshops."),
    ("en", "To install the program, download the archive and run it from a terminal. If an error shows up, check that you have write permission in the folder and try again. You can also read the guide, where each step is explained with simple examples."),
    ("en", "During the winter there was very little rain, and farmers fear that this year's harvest will be worse than the last one. According to the engineers, the reservoirs are less than half full and water use will have to be reduced over the coming weeks."),
    ("pt", "A prefeitura abriu ontem a nova biblioteca do bairro, que tem uma sala para crianças e outra com computadores. Os moradores pediam há anos um lugar tranquilo para estudar, e muitos foram até lá à tarde para ver os livros e se inscrever nas oficinas de leitura."),
    ("pt", "Para instalar o programa, basta baixar o arquivo e executá-lo no terminal. Se aparecer um erro, verifique se você tem permissão de escrita na pasta e tente novamente. Você também pode consultar o guia, onde explicamos cada passo com exemplos simples."),
    ("pt", "Durante o inverno choveu pouco e os agricultores têm medo de que a colheita deste ano seja pior do que a anterior. Segundo os técnicos, o nível das barragens está abaixo da metade e será preciso reduzir o consumo de água nas próximas semanas."),
    ("fr", "La mairie a ouvert hier la nouvelle bibliothèque du quartier, avec une salle pour les enfants et une autre pleine d'ordinateurs. Les habitants réclamaient depuis des années un endroit calme pour étudier, et beaucoup sont venus dans l'après-midi pour voir les livres et s'inscrire aux ateliers de lecture."),
    ("fr", "Pour installer le programme, il suffit de télécharger l'archive et de la lancer depuis un terminal. Si une erreur apparaît, vérifiez que vous avez le droit d'écrire dans le dossier et réessayez. Vous pouvez aussi consulter le guide, où chaque étape est expliquée avec des exemples simples."),
    ("fr", "Pendant l'hiver il a très peu plu et les agriculteurs craignent que la récolte de cette année soit pire que la précédente. Selon les techniciens, les réservoirs sont remplis à moins de la moitié et il faudra réduire la consommation d'eau dans les semaines qui viennent."),
    ("de", "Die Stadt hat gestern die neue Bibliothek im Viertel eröffnet, mit einem Raum für Kinder und einem weiteren voller Computer. Die Anwohner hatten sich seit Jahren einen ruhigen Ort zum Lernen gewünscht, und viele kamen am Nachmittag vorbei, um sich die Bücher anzusehen und sich für die Lesekurse anzumelden."),
    ("de", "Um das Programm zu installieren, lade das Archiv herunter und starte es in einem Terminal. Wenn ein Fehler erscheint, prüfe, ob du Schreibrechte für den Ordner hast, und versuche es noch einmal. Du kannst auch die Anleitung lesen, in der jeder Schritt mit einfachen Beispielen erklärt wird."),
    ("de", "Im Winter hat es kaum geregnet, und die Bauern fürchten, dass die Ernte in diesem Jahr schlechter ausfällt als im letzten. Nach Angaben der Fachleute sind die Stauseen weniger als zur Hälfte gefüllt, und in den kommenden Wochen muss der Wasserverbrauch gesenkt werden."),
    ("it", "Il comune ha aperto ieri la nuova biblioteca del quartiere, con una sala per i bambini e un'altra piena di computer. Gli abitanti chiedevano da anni un posto tranquillo dove studiare, e molti sono passati nel pomeriggio per vedere i libri e iscriversi ai laboratori di lettura."),
    ("it", "Per installare il programma basta scaricare l'archivio ed eseguirlo dal terminale. Se compare un errore, controlla di avere i permessi di scrittura nella cartella e riprova. Puoi anche consultare la guida, dove ogni passaggio è spiegato con esempi semplici."),
    ("it", "Durante l'inverno è piovuto poco e gli agricoltori temono che il raccolto di quest'anno sia peggiore del precedente. Secondo i tecnici, i bacini sono pieni per meno della metà e nelle prossime settimane sarà necessario ridurre il consumo di acqua."),
    ("ca", "L'ajuntament va obrir ahir la nova biblioteca del barri, que té una sala per als nens i una altra amb ordinadors. Els veïns feia anys que demanaven un lloc tranquil on estudiar, i molts s'hi van acostar a la tarda per veure els llibres i apuntar-se als tallers de lectura."),
    ("ca", "Per instal·lar el programa només cal descarregar l'arxiu i executar-lo des del terminal. Si apareix un error, comprova que tens permisos d'escriptura a la carpeta i torna-ho a provar. També pots consultar la guia, on expliquem cada pas amb exemples senzills."),
    ("ca", "Durant l'hivern ha plogut poc i els pagesos temen que la collita d'aquest any sigui pitjor que l'anterior. Segons els tècnics, el nivell dels embassaments és per sota de la meitat i caldrà reduir el consum d'aigua en les properes setmanes."),
    ("nl", "De gemeente heeft gisteren de nieuwe bibliotheek in de wijk geopend, met een zaal voor kinderen en een andere vol computers. De bewoners vroegen al jaren om een rustige plek om te studeren, en velen kwamen 's middags langs om de boeken te bekijken en zich in te schrijven voor de leesclubs."),
    ("nl", "Om het programma te installeren download je het archief en start je het vanuit een terminal. Als er een fout verschijnt, controleer dan of je schrijfrechten in de map hebt en probeer het opnieuw. Je kunt ook de handleiding lezen, waarin elke stap met eenvoudige voorbeelden wordt uitgelegd."),
    ("nl", "Tijdens de winter heeft het weinig geregend en de boeren vrezen dat de oogst van dit jaar slechter zal zijn dan die van vorig jaar. Volgens de technici zijn de stuwmeren minder dan half vol en moet het waterverbruik de komende weken worden verminderd."),
    ("he", "העירייה פתחה אתמול את הספרייה החדשה של השכונה, עם חדר לילדים וחדר נוסף מלא מחשבים. התושבים ביקשו במשך שנים מקום שקט ללמוד בו, ורבים מהם הגיעו אחר הצהריים כדי לראות את הספרים ולהירשם לחוגי הקריאה."),
    ("ar", "افتتحت البلدية أمس المكتبة الجديدة في الحي، وفيها قاعة للأطفال وقاعة أخرى مليئة بالحواسيب. كان السكان يطالبون منذ سنوات بمكان هادئ للدراسة، وجاء كثير منهم بعد الظهر لرؤية الكتب والتسجيل في ورشات القراءة التي ستبدأ في الأسبوع القادم."),
    ("fa", "شهرداری دیروز کتابخانه جدید محله را افتتاح کرد که یک سالن برای کودکان و سالن دیگری پر از رایانه دارد. ساکنان سال‌ها بود که یک جای آرام برای درس خواندن می‌خواستند و بسیاری از آنها بعد از ظهر آمدند تا کتاب‌ها را ببینند و در کارگاه‌های کتابخوانی ثبت نام کنند."),
    ("ru", "Вчера городской совет открыл новую библиотеку в нашем районе, где есть зал для детей и ещё один, полный компьютеров. Жители много лет просили тихое место для учёбы, и многие пришли днём, чтобы посмотреть книги и записаться на занятия по чтению."),
    ("uk", "Учора міська рада відкрила нову бібліотеку в нашому районі, де є зала для дітей і ще одна, повна комп'ютерів. Мешканці багато років просили тихе місце для навчання, і чимало з них прийшли вдень, щоб подивитися книжки та записатися на заняття з читання."),
    ("el", "Ο δήμος άνοιξε χθες τη νέα βιβλιοθήκη της γειτονιάς, με μια αίθουσα για τα παιδιά και μια άλλη γεμάτη υπολογιστές. Οι κάτοικοι ζητούσαν εδώ και χρόνια ένα ήσυχο μέρος για διάβασμα, και πολλοί ήρθαν το απόγευμα για να δουν τα βιβλία και να γραφτούν στα εργαστήρια ανάγνωσης."),
    ("zh", "市政府昨天在我们这个街区开了一座新的图书馆，里面有一间儿童阅览室，还有一间摆满了电脑的房间。居民们多年来一直希望有一个安静的地方学习，下午很多人过来看书，并报名参加读书活动。"),
    ("ja", "市役所は昨日、この地区に新しい図書館を開きました。子ども用の部屋と、コンピューターがたくさん置かれた部屋があります。住民は何年も前から静かに勉強できる場所を求めていて、午後には多くの人が本を見に来て、読書会に申し込みました。"),
    ("ko", "시청은 어제 우리 동네에 새 도서관을 열었습니다. 어린이를 위한 방과 컴퓨터가 가득한 방이 있습니다. 주민들은 오래전부터 조용히 공부할 수 있는 곳을 원했고, 오후에는 많은 사람들이 책을 보러 와서 독서 모임에 신청했습니다. 다음 주부터 매일 저녁 문을 엽니다."),
    ("hi", "नगर निगम ने कल हमारे मोहल्ले में नया पुस्तकालय खोला, जिसमें बच्चों के लिए एक कमरा और कंप्यूटरों से भरा एक और कमरा है। लोग कई सालों से पढ़ाई के लिए एक शांत जगह माँग रहे थे, और दोपहर में बहुत से लोग किताबें देखने और पढ़ने की कक्षाओं में नाम लिखवाने आए।"),
    ("th", "เมื่อวานนี้เทศบาลได้เปิดห้องสมุดแห่งใหม่ในชุมชนของเรา มีห้องสำหรับเด็กและอีกห้องหนึ่งที่เต็มไปด้วยคอมพิวเตอร์ ชาวบ้านอยากได้สถานที่เงียบๆ สำหรับอ่านหนังสือมาหลายปีแล้ว และในตอนบ่ายมีคนจำนวนมากมาดูหนังสือและสมัครเข้าร่วมกิจกรรมการอ่าน"),
  ]

  /// A Bulgarian paragraph: Cyrillic without the letters that tell Russian from Ukrainian.
  static let bulgarian = "Вчера общината откри новата библиотека в квартала, с една зала за деца и друга, пълна с компютри. Жителите от години искаха тихо място за учене и много от тях дойдоха следобед да видят книгите и да се запишат за часовете по четене."

  /// A Swahili paragraph: Latin script, but none of the languages the detector has profiles for.
  static let swahili = "Halmashauri ya jiji ilifungua jana maktaba mpya ya mtaa, yenye chumba cha watoto na kingine kilichojaa kompyuta. Wakazi walikuwa wakiomba kwa miaka mingi mahali tulivu pa kusomea, na wengi walikuja mchana kuangalia vitabu na kujiandikisha kwa warsha za kusoma."

  /// A Croatian paragraph: the shipped profiles do not tell Croatian, Serbian, Bosnian and
  /// Slovenian apart reliably.
  static let croatian = "Gradsko vijeće jučer je otvorilo novu knjižnicu u našem kvartu, s prostorijom za djecu i još jednom punom računala. Stanovnici su godinama tražili mirno mjesto za učenje, a mnogi su poslijepodne došli pogledati knjige i upisati se na radionice čitanja."

  /// Placeholder Latin (the printers' filler): no living language.
  static let filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur."
}
