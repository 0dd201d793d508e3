#include "session/commandparser.h"

#include <QTest>

class tst_CommandParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

using Kind = CommandParser::Kind;
Q_DECLARE_METATYPE(CommandParser::Kind)

void tst_CommandParser::parse_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << "" << Kind::Empty << ""
                           << "";
    QTest::newRow("only spaces") << "    " << Kind::Empty << ""
                                 << "";
    QTest::newRow("plain text") << "hello there" << Kind::Message << ""
                                << "hello there";
    QTest::newRow("text keeps inner spaces") << "a  b " << Kind::Message << ""
                                             << "a  b ";
    QTest::newRow("double slash escapes") << "//me is not a command" << Kind::Message << ""
                                          << "/me is not a command";
    QTest::newRow("trailing newline dropped") << "hi\n"
                                              << Kind::Message << ""
                                              << "hi";
    QTest::newRow("/whois") << "/whois bob" << Kind::Whois << "bob"
                            << "";
    QTest::newRow("/wi short") << "/wi bob" << Kind::Whois << "bob"
                               << "";
    QTest::newRow("/whois without a name") << "/whois" << Kind::MissingArgument << ""
                                           << "";
    QTest::newRow("/list") << "/list" << Kind::List << ""
                           << "";
    QTest::newRow("/me") << "/me waves" << Kind::Action << ""
                         << "waves";
    QTest::newRow("/ME upper case") << "/ME waves hard" << Kind::Action << ""
                                    << "waves hard";
    QTest::newRow("/me without text") << "/me" << Kind::MissingArgument << ""
                                      << "";
    QTest::newRow("/msg") << "/msg bob hi bob" << Kind::PrivateMessage << "bob"
                          << "hi bob";
    QTest::newRow("/msg extra spaces") << "/msg   bob    hi" << Kind::PrivateMessage << "bob"
                                       << "hi";
    QTest::newRow("/msg without text") << "/msg bob" << Kind::MissingArgument << ""
                                       << "";
    QTest::newRow("/msg without anything") << "/msg" << Kind::MissingArgument << ""
                                           << "";
    QTest::newRow("/query") << "/query carol" << Kind::SwitchTo << "carol"
                            << "";
    QTest::newRow("to:name") << "to:bob" << Kind::SwitchTo << "bob"
                             << "";
    QTest::newRow("to:name with text") << "to:bob see you" << Kind::SwitchTo << "bob"
                                       << "see you";
    QTest::newRow("TO: upper case") << "TO:bob x" << Kind::SwitchTo << "bob"
                                    << "x";
    QTest::newRow("to: without name") << "to:" << Kind::MissingArgument << ""
                                      << "";
    QTest::newRow("not to: in the middle") << "go to:bob" << Kind::Message << ""
                                           << "go to:bob";
    QTest::newRow("/nick") << "/nick robert" << Kind::Nick << "robert"
                           << "";
    QTest::newRow("/nick two words") << "/nick rob ert" << Kind::MissingArgument << ""
                                     << "";
    QTest::newRow("/nick without name") << "/nick" << Kind::MissingArgument << ""
                                        << "";
    QTest::newRow("/join with #") << "/join #dev" << Kind::Join << "#dev"
                                  << "";
    QTest::newRow("/join adds #") << "/join dev" << Kind::Join << "#dev"
                                  << "";
    QTest::newRow("/join keeps &") << "/join &local" << Kind::Join << "&local"
                                   << "";
    QTest::newRow("/j alias") << "/j dev" << Kind::Join << "#dev"
                              << "";
    QTest::newRow("/join without room") << "/join" << Kind::MissingArgument << ""
                                        << "";
    QTest::newRow("/part alone") << "/part" << Kind::Part << ""
                                 << "";
    QTest::newRow("/part reason") << "/part bye all" << Kind::Part << ""
                                  << "bye all";
    QTest::newRow("/part room reason") << "/part #dev bye" << Kind::Part << "#dev"
                                       << "bye";
    QTest::newRow("/topic query") << "/topic" << Kind::Topic << ""
                                  << "";
    QTest::newRow("/topic set") << "/topic Friday party" << Kind::Topic << ""
                                << "Friday party";
    QTest::newRow("/topic room text") << "/topic #dev builds" << Kind::Topic << "#dev"
                                      << "builds";
    QTest::newRow("/away message") << "/away lunch" << Kind::Away << ""
                                   << "lunch";
    QTest::newRow("/away alone is back") << "/away" << Kind::Away << ""
                                         << "";
    QTest::newRow("/back") << "/back" << Kind::Away << ""
                           << "";
    QTest::newRow("/quit") << "/quit" << Kind::Quit << ""
                           << "";
    QTest::newRow("/quit reason") << "/quit good night" << Kind::Quit << ""
                                  << "good night";
    QTest::newRow("/help") << "/help" << Kind::Help << ""
                           << "";
    QTest::newRow("unknown") << "/frobnicate x" << Kind::Unknown << ""
                             << "x";
    QTest::newRow("lone slash") << "/" << Kind::Unknown << ""
                                << "";
    QTest::newRow("CR and LF inside stay text") << "a\rb" << Kind::Message << ""
                                                << "a\rb";
}

void tst_CommandParser::parse()
{
    QFETCH(QString, line);
    QFETCH(Kind, kind);
    QFETCH(QString, target);
    QFETCH(QString, text);

    const CommandParser::Command command = CommandParser::parse(line);
    QCOMPARE(command.kind, kind);
    QCOMPARE(command.target, target);
    QCOMPARE(command.text, text);
}

QTEST_GUILESS_MAIN(tst_CommandParser)
#include "tst_commandparser.moc"
