#pragma once

// Numeric replies by their RFC 1459 / RFC 2812 / modern.ircdocs.horse names. Only these names are
// used in code; IrcReply builds the lines.
namespace IrcNumeric {

constexpr int RPL_WELCOME = 1;
constexpr int RPL_YOURHOST = 2;
constexpr int RPL_CREATED = 3;
constexpr int RPL_MYINFO = 4;
constexpr int RPL_ISUPPORT = 5;
constexpr int RPL_ENDOFSTATS = 219;
constexpr int RPL_UMODEIS = 221;
constexpr int RPL_STATSUPTIME = 242;
constexpr int RPL_STATSOLINE = 243;
constexpr int RPL_STATSDEBUG = 249; // free-form STATS lines (custom letters)
constexpr int RPL_LUSERCLIENT = 251;
constexpr int RPL_LUSEROP = 252;
constexpr int RPL_LUSERUNKNOWN = 253;
constexpr int RPL_LUSERCHANNELS = 254;
constexpr int RPL_LUSERME = 255;
constexpr int RPL_LOCALUSERS = 265;
constexpr int RPL_GLOBALUSERS = 266;
constexpr int RPL_AWAY = 301;
constexpr int RPL_USERHOST = 302;
constexpr int RPL_ISON = 303;
constexpr int RPL_UNAWAY = 305;
constexpr int RPL_NOWAWAY = 306;
constexpr int RPL_WHOISUSER = 311;
constexpr int RPL_WHOWASUSER = 314;
constexpr int RPL_WHOISSERVER = 312;
constexpr int RPL_WHOISOPERATOR = 313;
constexpr int RPL_ENDOFWHO = 315;
constexpr int RPL_WHOISIDLE = 317;
constexpr int RPL_ENDOFWHOIS = 318;
constexpr int RPL_WHOISCHANNELS = 319;
constexpr int RPL_WHOISACCOUNT = 330;
constexpr int RPL_WHOISBOT = 335;
constexpr int RPL_LISTSTART = 321;
constexpr int RPL_LIST = 322;
constexpr int RPL_LISTEND = 323;
constexpr int RPL_CHANNELMODEIS = 324;
constexpr int RPL_CREATIONTIME = 329;
constexpr int RPL_NOTOPIC = 331;
constexpr int RPL_TOPIC = 332;
constexpr int RPL_TOPICWHOTIME = 333;
constexpr int RPL_INVITING = 341;
constexpr int RPL_VERSION = 351;
constexpr int RPL_WHOREPLY = 352;
constexpr int RPL_NAMREPLY = 353;
constexpr int RPL_WHOSPCRPL = 354; // WHOX
constexpr int RPL_ENDOFNAMES = 366;
constexpr int RPL_ENDOFWHOWAS = 369;
constexpr int RPL_BANLIST = 367;
constexpr int RPL_ENDOFBANLIST = 368;
constexpr int RPL_INFO = 371;
constexpr int RPL_MOTD = 372;
constexpr int RPL_ENDOFINFO = 374;
constexpr int RPL_MOTDSTART = 375;
constexpr int RPL_ENDOFMOTD = 376;
constexpr int RPL_YOUREOPER = 381;
constexpr int RPL_REHASHING = 382;
constexpr int RPL_TIME = 391;
constexpr int RPL_VISIBLEHOST = 396;
constexpr int RPL_WHOISSECURE = 671;
// IRCv3 monitor.
constexpr int RPL_MONONLINE = 730;
constexpr int RPL_MONOFFLINE = 731;
constexpr int RPL_MONLIST = 732;
constexpr int RPL_ENDOFMONLIST = 733;
constexpr int ERR_MONLISTFULL = 734;

constexpr int ERR_UNKNOWNERROR = 400;
constexpr int ERR_NOSUCHNICK = 401;
constexpr int ERR_NOSUCHSERVER = 402;
constexpr int ERR_NOSUCHCHANNEL = 403;
constexpr int ERR_CANNOTSENDTOCHAN = 404;
constexpr int ERR_TOOMANYCHANNELS = 405;
constexpr int ERR_WASNOSUCHNICK = 406;
constexpr int ERR_TOOMANYTARGETS = 407;
constexpr int ERR_NOORIGIN = 409;
constexpr int ERR_NORECIPIENT = 411;
constexpr int ERR_NOTEXTTOSEND = 412;
constexpr int ERR_INPUTTOOLONG = 417;
constexpr int ERR_UNKNOWNCOMMAND = 421;
constexpr int ERR_NOMOTD = 422;
constexpr int ERR_NONICKNAMEGIVEN = 431;
constexpr int ERR_ERRONEUSNICKNAME = 432;
constexpr int ERR_NICKNAMEINUSE = 433;
constexpr int ERR_USERNOTINCHANNEL = 441;
constexpr int ERR_NOTONCHANNEL = 442;
constexpr int ERR_USERONCHANNEL = 443;
constexpr int ERR_NOTREGISTERED = 451;
constexpr int ERR_NEEDMOREPARAMS = 461;
constexpr int ERR_ALREADYREGISTERED = 462;
constexpr int ERR_PASSWDMISMATCH = 464;
constexpr int ERR_KEYSET = 467;
constexpr int ERR_CHANNELISFULL = 471;
constexpr int ERR_UNKNOWNMODE = 472;
constexpr int ERR_INVITEONLYCHAN = 473;
constexpr int ERR_BANNEDFROMCHAN = 474;
constexpr int ERR_BADCHANNELKEY = 475;
constexpr int ERR_BADCHANMASK = 476;
constexpr int ERR_NOPRIVILEGES = 481;
constexpr int ERR_CHANOPRIVSNEEDED = 482;
constexpr int ERR_NOOPERHOST = 491;
constexpr int ERR_UMODEUNKNOWNFLAG = 501;
constexpr int ERR_USERSDONTMATCH = 502;
constexpr int ERR_INVALIDCAPCMD = 410;
constexpr int ERR_INVALIDMODEPARAM = 696;

// IRCv3 sasl-3.1.
constexpr int RPL_LOGGEDIN = 900;
constexpr int RPL_LOGGEDOUT = 901;
constexpr int ERR_NICKLOCKED = 902;
constexpr int RPL_SASLSUCCESS = 903;
constexpr int ERR_SASLFAIL = 904;
constexpr int ERR_SASLTOOLONG = 905;
constexpr int ERR_SASLABORTED = 906;
constexpr int ERR_SASLALREADY = 907;
constexpr int RPL_SASLMECHS = 908;

} // namespace IrcNumeric
