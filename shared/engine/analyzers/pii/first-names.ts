/**
 * Common given names, written for this project from general knowledge (English-speaking, European, Latin
 * American, Slavic, Nordic, Arabic, South and East Asian). Lowercase, accents removed. A capitalized name
 * from this list followed by a capitalized word reads as a person ("Maria Lopez").
 */
const NAMES = `
aaron abby abdul abdullah abigail abraham ada adam adel adele adeline adi aditi aditya adrian adriana adrienne agata agnes agnieszka ahmad ahmed
aiden aisha akira akiko alan alana albert alberto aleksander aleksandra alejandra alejandro aleksei alessandra alessandro alessia alex alexa alexander
alexandra alexandre alexei alexis alfie alfonso alfred alfredo ali alice alicia alina alison allan allison alma amal amanda amanjot amara amber amelia
amina amir amit amy ana anastasia anders andrea andreas andrei andres andrew andrzej andy angela angelica angelo anita anja ann anna annabel anne anneli
annette annie anthony antoine anton antonio anya anzhela aoife arjun arnav arne arthur arturo asa asha ashley ashok astrid attila audrey aurora austin ava
axel aya ayesha aziz barbara barry bartosz beata beatrice beatriz becky ben benedict benjamin bernard bernardo berta bertram beth bethany betty beverly
bianca bjorn blanca bogdan bonnie boris bozena brad bradley brandon brenda brendan brian bridget brigitte brittany bruce bruno bryan caitlin caleb
camila camille carina carl carla carlos carmen carol carole caroline carolyn carsten casey catalina caterina catherine cathy cecilia cedric celine cesar
chad chantal charlene charles charlie charlotte chelsea cheng cheryl chiara chidi chloe chris christa christian christina christine christophe christopher
cindy claire clara clarissa claudia claudio clement cody colin connor constance cora corinne cristina cristian curtis cynthia dafne daisuke dale damian
damien dan dana daniel daniela daniele danielle danny dario darius darren dave david dawid dawn dean debbie debora deborah debra deepak denis denise
dennis derek desmond diana diane diego dilip dimitri dimitris dina dmitri dmitry dolores dominic dominik dominika donald donna dora doris dorota dorothy
douglas duncan dustin dylan edgar edith edmund eduardo edward edwin eileen einar einojuhani elaine elena eleni eleanor eli elias elif elijah elin elisa
elisabeth elise eliza elizabeth ella ellen ellie elsa emil emilia emilie emilio emily emma emmanuel enrico enrique eric erica erik erika erin ernest
ernesto esra esther ethan eugene eva evan evelyn ewa ewan fabian fabio fahad faina farah fatima federico felipe felix fernanda fernando filip filippo
finn fiona florian frances francesca francesco francis francisco franco francois frank franz freddie frederick frida gabriel gabriela gabriele gabrielle
gareth gary gavin gemma genevieve george georgia gerald gerard gerhard giada gianluca gilbert gina giorgio giovanni giulia giuseppe gloria gordon grace
graham grant greg gregory greta guadalupe guillermo gunnar gustav gustavo hailey haley hamid hana hannah hans harold harriet harry harvey hassan heather
hector heidi helen helena helga henrik henry herbert hilda hiroshi hiroko holly howard hugh hugo hussein ian ibrahim ida igor ilse ilya imogen ines
ingrid irene irina iris isaac isabel isabella isabelle ismail ivan ivana ivy jacek jack jackie jacob jacqueline jade jaime jake jakob jakub james jamie
jan jana jane janet janice janka janos jared jasmine jason javier jay jean jeanne jeff jeffrey jennifer jenny jeremy jerome jerry jerzy jesper jessica
jesus jill jim jimmy jin jo joan joanna joao joaquin jodie joe joel johan johanna johannes john johnny jon jonas jonathan jordan jorge jose josef joseph
josephine josh joshua joy juan juana judith judy jules julia julian juliana julie julien julieta julio juliet jun jurgen justin kai kaija kamal kamil
kamila karan karen kari karim karin karina karl karla karol kasia kate katarina katarzyna katharina katherine kathleen kathryn kathy katie katja katrin
katrina katrine kayla keith kelly ken kenji kenneth kevin khalid kim kimberly kirsten klaus kofi krisztian kristen kristin kristina krzysztof kumar
kurt kyle lachlan lakshmi lana lance lara larissa lars laura lauren laurent lawrence layla leah lee leigh leila lena leo leon leona leonardo leone
leonie leslie lewis lia liam lidia liisa lily lina linda lindsay lisa liu liv logan lois lorena lorenzo lorraine louis louise luca lucas lucia luciana
lucy luis luisa lukas luke lydia lynn madeleine madison magda magdalena maja malcolm malik manon manuel manuela marc marcel marcela marcello marco marcos
marcus margaret margarita margit maria mariam marian mariana marianne marie marina mario marion marisol marius marjorie mark marko marta martha martin
martina marvin mary maryam mateo mateusz mathias matilda matt matteo matthew matthias mattias maura maureen max maxim maxime maximilian maya megan mehmet
mei melanie melissa mercedes meredith mia michael michaela michal michel michele michelle miguel mikael mikko mila milan milena miriam mitchell mohamed
mohammad mohammed molly monica monika morgan muhammad murat nadia nadine nancy naomi natalia natalie natasha natasja nathan nathalie neil nelson niamh
nicholas nick nicola nicolas nicole niels nikhil nikita niklas nikolai nikolaos nina noah noel noemi nora norbert norma nunzia oliver olivia olga omar
oscar oskar owen pablo paige pamela paola paolo parker pascal patricia patrick patrycja paul paula paulina pauline pavel pawel pedro peggy penelope 
peter petr petra philip philippe phillip phoebe pierre pietro piotr polly polona priya rachel rafael raffaele rahul raj rajesh ralph ramon ramona
randy raquel rashid raul rebecca regina reid renata rene renee ricardo riccardo richard rick ricky rita robert roberta roberto robin rodrigo roger roland
roman ronald rosa rosalind rose roxana ruby rudolf russell ruth ryan sabine sabrina sadie sahil salma salvador salvatore sam samantha samir samira
samuel sandra sanjay sara sarah sasha satoshi saul scott sean sebastian selena selina serena sergei sergey sergio seth shannon sharon shaun shawn sheila
shirley shreya sibylle sienna sigrid silvia simon simona simone sofia sofie sonia sonja sophia sophie stacy stanislav stefan stefanie stefano stella
stephanie stephen steve steven stuart sue sunita susan susanne suzanne svetlana sven sylvia sylvie tamara tanja tanya tara tariq tatiana taylor ted
teresa terry thea theo theodore theresa thomas tiago tim timothy tina tobias todd tom tomas tomasz tomomi toni tony tracy travis trevor troy tyler ulrich
uma ursula uta valentina valentin valeria valerie vanessa vera veronica veronika vicente victor victoria vijay vikram vincent vincenzo violet virginia
vivian vladimir walter wanda warren wayne wei wendy werner wiktoria wilhelm william willem wojciech xavier xin yan yannick yasmin yasmine yefim yoko
yolanda yuki yulia yuri yusuf yves zachary zainab zara zhang zoe zofia zoltan zsofia
`;

const MORE_NAMES = `
szabina krisztian ubul koppany irenke csenger gabor zsolt zoltan lajos ferenc imre istvan laszlo bence dora reka eszter katalin judit erzsebet ildiko
gyorgy tibor sandor balazs levente sarka jarmila jiri petr radek ondrej zdenek lenka marketa tereza zuzana bonifacy eustachy wislawa grzegorz marek
malgorzata zbigniew jaroslaw stanislaw leif halldor solvi sigurlaug satu siiri hanne steffen hedvig vilma sari leena bjarni gudrun solveig ragnar torsten
tuula pirjo marja jukka juha timo pekka matti heikki antti jussi ville aino eino onni helmi mette lotte rasmus mads kasper frederik jens preben knud ove
tove birgit ulla inga britt johann jozef mehrudin vinka franciska matej luka nikola mojca urska spela anze rok ziga jure nejc blaz yefim ravil dzhambek
ushurma asya tatyana lyudmila galina nadezhda oksana vyacheslav gennady anatoly arkady yevgeny leonid oleg rustam ruslan timur aslan zaur magomed akhmed
shamil nino giorgi levan tamar irakli homero emidio cleofe cettina gennaro concetta rosalia carmela agostino ettore fiorenzo graziella orazio raimondo
toshimi chise hyuuma takeshi kenta yuto haruto sota riku yui hina sakura mio rin aoi takumi kaito naoki yuko keiko michiko yumi emi kaori ayumi noriko
shinji kazuki ryota sieuwerd gerrit dirk joost bram sander wouter maarten bas koen joris ruud sanne femke marloes annelies willemijn jurgen dieter
wolfgang helmut gunter horst manfred uwe rainer heike ute anke jutta nils youssef mustafa khaled rania noor huda salim tarek walid nabil hani samer reza
hossein mehdi parisa shirin farhad dariush fang jing ming ping tao rohan ananya sneha pooja rakesh suresh ramesh ganesh mahesh anil sunil vivek rohit
neha kavya divya anjali deepika nisha rajiv sachin kiran manoj vinod tiffany roxanne tilly debra gregory todd
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(`${NAMES} ${MORE_NAMES}`.trim().split(/\s+/));

/**
 * Names that are also common words, places, products or programming languages: never a person on their
 * own, only with a surname after them ("Grace Hopper", "Julia Roberts").
 */
export const AMBIGUOUS_NAMES: ReadonlySet<string> = new Set(
  `ada alexa amber april august austin aurora bill brandon carmen chase chelsea christian dale dawn dean georgia grace hope iris ivy jack jade jordan joy
  julia june kai lance lee liv logan madison mark max may miles morgan nelson paige parker pascal ray reid rich robin rose ruby sue taylor jan jo
  victoria virginia will cody frank grant gary summer sky violet hunter page lily holly gemma rita viola penny patience`.split(/\s+/),
);

/**
 * Common surnames from many countries, written for this project; surnames that are also ordinary English
 * words (Brown, White, King, Hill, Baker, ...) are left out so "Dark Brown" is not a person.
 */
export const SURNAMES: ReadonlySet<string> = new Set(
  `smith johnson williams jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson thompson harris sanchez clark ramirez
  lewis robinson walker allen wright torres nguyen flores rivera campbell mitchell roberts gomez phillips evans collins reyes stewart morris morales
  murphy rogers gutierrez ortiz peterson richardson watson chavez bennett mendoza ruiz hughes alvarez castillo sanders patel myers foster jimenez
  powell jenkins sullivan coleman henderson gonzales fisher vasquez simmons romero patterson hamilton reynolds griffin wallace moreno hayes bryant
  herrera gibson tran medina aguilar stevens castro owens harrison fernandez mcdonald kennedy vargas chen freeman guzman crawford olson simpson mendez
  silva snyder dixon munoz hicks holmes wagner robertson salazar meyer schmidt garza daniels ferguson nichols stephens soto weaver hawkins pierce
  vazquez hansen santos cunningham armstrong hudson carroll riley andrews alvarado delgado perkins hoffman johnston matthews pena richards contreras
  sandoval mueller muller schneider fischer weber becker schulz hoffmann koch richter schroder neumann schwarz zimmermann kruger hofmann hartmann
  schmitt werner krause meier lehmann kowalski nowak wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak dabrowski
  kozlowski jankowski mazur kwiatkowski krawczyk piotrowski grabowski kaczmarek nagy kovacs toth szabo horvath varga molnar nemeth farkas balogh
  takacs juhasz novak svoboda novotny dvorak cerny prochazka kucera vesely horak nemec pokorny rossi russo ferrari esposito bianchi romano colombo
  ricci marino greco gallo conti mancini giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara galli martini longo
  gentile martinelli vitale lombardo coppola marchetti parisi ferraro fabbri marini messina pellegrini palumbo sanna farina cattaneo morelli amato
  silvestri benedetti caputo montanari palmieri bernardi sorrentino dubois durand lefebvre leroy moreau laurent bertrand fournier girard mercier
  dupont lambert bonnet oliveira souza rodrigues ferreira alves pereira lima ribeiro carvalho almeida lopes soares fernandes vieira barbosa rocha
  nascimento andrade moreira nunes marques machado mendes freitas cardoso goncalves santana teixeira ivanov smirnov kuznetsov popov vasiliev petrov
  sokolov mikhailov novikov fedorov morozov volkov alekseev lebedev semenov egorov pavlov kozlov stepanov nikolaev orlov andreev makarov nikitin
  zakharov jensen nielsen pedersen andersen christensen larsen sorensen rasmussen johansen jorgensen petersen madsen kristensen olsen thomsen
  poulsen johansson karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson jonsson lindberg lindqvist lindgren bergstrom
  lundberg korhonen virtanen makinen nieminen makela hamalainen laine heikkinen koskinen jarvinen lehtonen lehtinen saarinen salminen heinonen
  kinnunen salonen turunen jansen janssen visser smit meijer mulder bakker dekker brouwer dijkstra hendriks tanaka suzuki takahashi watanabe ito
  yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki ikeda hashimoto ishikawa ogawa
  wang zhang liu huang zhao zhou sun kumar singh sharma gupta mehta reddy iyer nair chatterjee mukherjee banerjee joshi kapoor khan malik ahmed hussain
  obrien walsh byrne oconnor doyle mccarthy gallagher`.split(/\s+/),
);
