package server

// Server serves requests.
type Server struct {
	addr string
}

type Handler interface {
	Serve(req string) error
}

type (
	ID    string
	Alias = int
)

// Start starts the server.
func (s *Server) Start(port int) error {
	return nil
}

func (s Server) Addr() string { return s.addr }

// New makes a server.
func New(addr string) *Server {
	return &Server{addr: addr}
}

// StatusOK is the success code.
const StatusOK = 200

const (
	Low, High = 1, 9
)

// ErrClosed is returned after Close.
var ErrClosed = errors.New("closed")
